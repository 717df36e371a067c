import { type Finding, formatFinding } from './finding.ts';
import { historyFindings } from './history-check.ts';
import { diskFinding, nodeFinding, portsFinding, toolFinding } from './machine-checks.ts';
import { postgresFinding, redisFinding } from './service-checks.ts';

/**
 * Everything a run depends on, each line OK or the exact fix (as `brew doctor` does). Warnings leave the
 * run possible (a missing service makes its tests skip); a failure means it cannot go right.
 */
export async function examineMachine(options: { history?: boolean } = {}): Promise<Finding[]> {
  const [postgres, redis, ports, history] = await Promise.all([
    postgresFinding(),
    redisFinding(),
    portsFinding(),
    options.history === false ? Promise.resolve([]) : historyFindings(),
  ]);
  return [
    nodeFinding(),
    postgres,
    redis,
    toolFinding('chromium', process.env.CHROME_PATH || 'chromium', 'chromium'),
    toolFinding('promtool', 'promtool', 'prometheus'),
    toolFinding('pushgateway', 'prometheus-pushgateway', 'prometheus-pushgateway'),
    ports,
    diskFinding(),
    ...history,
  ];
}

export function printFindings(
  findings: readonly Finding[],
  write = (line: string) => process.stdout.write(`${line}\n`),
): void {
  for (const finding of findings) write(formatFinding(finding));
  const count = (level: Finding['level']) => findings.filter((f) => f.level === level).length;
  write(`  ${count('fail')} problem(s), ${count('warn')} warning(s)`);
}
