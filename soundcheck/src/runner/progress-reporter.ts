import type { Reporter, TestCase, TestModule } from 'vitest/node';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * A live count of tests while a run goes on (one rewritten line on a terminal, one line per file
 * elsewhere) and the failures as they happen; the final verdict is printed by the runner.
 */
export class ProgressReporter implements Reporter {
  readonly tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  /** Why tests were skipped (`skip(note)`), with how many each: shown after the run, never silent. */
  readonly skipReasons = new Map<string, number>();
  private readonly tty = Boolean(process.stdout.isTTY);
  private readonly out: (text: string) => void;

  constructor(out: (text: string) => void = (text) => process.stdout.write(text)) {
    this.out = out;
  }

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const { state } = result;
    if (state === 'passed') this.tally.passed++;
    else if (state === 'failed') this.tally.failed++;
    else this.tally.skipped++;
    if (result.state === 'skipped' && result.note) {
      this.skipReasons.set(result.note, (this.skipReasons.get(result.note) ?? 0) + 1);
    }
    if (state === 'failed') {
      const message = testCase.result().errors?.[0]?.message?.split('\n')[0] ?? '';
      this.clearLine();
      this.out(
        `  ✗ ${testCase.project.name} › ${testCase.module.moduleId.replace(`${process.cwd()}/`, '')} › ${testCase.fullName}\n      ${message}\n`,
      );
    }
    if (this.tty) this.out(`\r  ${this.line()}`);
  }

  onTestModuleEnd(testModule: TestModule): void {
    if (this.tty) return;
    const file = testModule.moduleId.replace(`${process.cwd()}/`, '');
    const mark = testModule.state() === 'failed' ? '✗' : '✓';
    this.out(`  ${mark} [${testModule.project.name}] ${file} — ${this.line()}\n`);
  }

  onTestRunEnd(): void {
    this.clearLine();
    for (const [reason, count] of this.skipReasons) this.out(`  skipped ${count}: ${reason}\n`);
  }

  private clearLine(): void {
    if (this.tty) this.out('\r\x1b[2K');
  }

  private line(): string {
    const { passed, failed, skipped } = this.tally;
    return `${passed} passed, ${failed} failed, ${skipped} skipped`;
  }
}
