import type { Reporter, SerializedError, TestCase, TestModule, TestSuite } from 'vitest/node';
import { classify } from './classify.ts';
import { stableTestId } from './stable-id.ts';
import type { TestRecord } from './test-record.ts';
import { titlePathOf, toRecord } from './to-record.ts';

/** Receives each finished file's records, so a run that dies half-way keeps what it had finished. */
export type RecordSink = (records: TestRecord[]) => Promise<void>;

/**
 * Records every test result (see `TestRecord`) as Vitest reports it, plus the failures that belong to no
 * test: a `beforeAll`/`afterAll` or an import that failed in a file, and unhandled errors.
 */
export class ResultsReporter implements Reporter {
  readonly records: TestRecord[] = [];
  private pending: TestRecord[] = [];
  private readonly root: string;
  private readonly sink: RecordSink | undefined;

  constructor(options: { root?: string; sink?: RecordSink } = {}) {
    this.root = options.root ?? process.cwd();
    this.sink = options.sink;
  }

  onTestCaseResult(testCase: TestCase): void {
    const record = toRecord(testCase, this.root);
    this.records.push(record);
    this.pending.push(record);
  }

  async onTestModuleEnd(testModule: TestModule): Promise<void> {
    // A failed import or file-level hook is the module's error; a `describe`'s beforeAll/afterAll, its suite's.
    for (const holder of [testModule, ...testModule.children.allSuites()]) {
      const errors = holder.errors();
      if (errors.length) this.add(this.hookFailure(testModule, holder, errors));
    }
    await this.flush();
  }

  async onTestRunEnd(
    _modules: ReadonlyArray<TestModule>,
    unhandled: ReadonlyArray<SerializedError>,
  ): Promise<void> {
    if (unhandled.length)
      this.add(this.pseudoRecord('(run)', ['unhandled errors'], 'unknown', unhandled, 'execution'));
    await this.flush();
  }

  private add(record: TestRecord): void {
    this.records.push(record);
    this.pending.push(record);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length && this.sink) await this.sink(batch);
  }

  private hookFailure(
    testModule: TestModule,
    holder: TestModule | TestSuite,
    errors: ReadonlyArray<SerializedError>,
  ): TestRecord {
    const tests = [...holder.children.allTests()];
    // None of its tests ran: the import or a beforeAll failed. Some ran: an afterAll failed.
    const ran = tests.some((test) => ['passed', 'failed'].includes(test.result().state));
    const where = holder.type === 'module' ? 'the file' : 'this describe';
    const record = this.pseudoRecord(
      testModule.relativeModuleId,
      holder.type === 'module' ? ['(file hooks)'] : [...titlePathOf(holder), '(suite hooks)'],
      testModule.project.name,
      errors,
      ran ? 'teardown' : 'setup',
    );
    const count = `${tests.length} test${tests.length === 1 ? '' : 's'}`;
    return {
      ...record,
      note: ran
        ? `an afterAll of ${where} failed after its ${count} ran`
        : `${holder.type === 'module' ? 'the file would not load, or a' : 'a'} beforeAll of ${where} failed: its ${count} did not run`,
    };
  }

  private pseudoRecord(
    file: string,
    titlePath: string[],
    project: string,
    errors: ReadonlyArray<SerializedError>,
    phase: 'setup' | 'teardown' | 'execution',
  ): TestRecord {
    const recorded = errors.map((error) => ({
      category: classify(error, phase),
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
      attempt: 0,
    }));
    return {
      id: stableTestId(file, titlePath),
      file,
      titlePath,
      project,
      tags: [],
      status: 'failed',
      durationMs: 0,
      retries: 0,
      ...(recorded[0] ? { category: recorded[0].category } : {}),
      errors: recorded,
      attachments: [],
      apiCalls: [],
    };
  }
}
