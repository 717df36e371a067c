// `npm run test:calendar [-- <vitest filters>]`: the suite at instants that break naive date code — the last
// seconds of a year, a leap day, the two DST changes of a half-hour zone, a zone whose date is a day ahead of
// UTC. Every process of the run (Vitest, its workers, the processes tests spawn) sees one faked wall clock,
// the real one moved by a fixed offset so the run starts at the instant, through libfaketime
// (`apt-get install faketime`); monotonic time stays real so timers and timeouts keep their length.
// PostgreSQL and Redis run outside and keep the real time: the code must not mix their clock with its own.
// Results go to a temporary folder, never to the history.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Instant {
  name: string;
  /** The faked wall-clock start, UTC. */
  utc: string;
  tz: string;
}

const instants: Instant[] = [
  { name: 'New Year’s Eve, 30 s to midnight', utc: '2026-12-31T23:59:30Z', tz: 'UTC' },
  { name: 'a leap day, 30 s to midnight', utc: '2028-02-29T23:59:30Z', tz: 'UTC' },
  {
    name: 'already New Year’s Day in Kiritimati (UTC+14)',
    utc: '2026-12-31T10:30:00Z',
    tz: 'Pacific/Kiritimati',
  },
  {
    name: 'St John’s springs forward (02:00 → 03:00, UTC−3:30)',
    utc: '2027-03-14T05:29:30Z',
    tz: 'America/St_Johns',
  },
  {
    name: 'St John’s falls back (02:00 → 01:00, UTC−2:30)',
    utc: '2026-11-01T04:29:30Z',
    tz: 'America/St_Johns',
  },
];

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    assertionResults: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}

if (spawnSync('faketime', ['--version']).error) {
  process.stderr.write('test:calendar needs libfaketime: apt-get install -y faketime\n');
  process.exit(2);
}
const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'soundcheck-calendar-'));
const only = process.env.CALENDAR_INSTANTS?.split(',').map(Number);
let failedInstants = 0;

for (const [index, instant] of instants.entries()) {
  if (only && !only.includes(index + 1)) continue;
  const output = path.join(scratch, `instant-${index + 1}.json`);
  // An offset from the real clock, not an absolute start ("@epoch"): with an absolute start every process
  // begins at the instant when it starts, so workers and servers spawned minutes into the run disagreed
  // with the processes before them by as long.
  const offset = Math.round((Date.parse(instant.utc) - Date.now()) / 1000);
  process.stdout.write(`\n▸ ${index + 1}. ${instant.name}: ${instant.utc}, TZ=${instant.tz}\n`);
  const started = Date.now();
  spawnSync(
    'faketime',
    [
      '-f',
      `${offset >= 0 ? '+' : ''}${offset}`,
      process.execPath,
      vitest,
      'run',
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${output}`,
      ...process.argv.slice(2),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        TZ: instant.tz,
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        SOUNDCHECK_QUIET: '1',
      },
    },
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  let report: JsonReport;
  try {
    report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
  } catch {
    process.stdout.write(`  ✗ the run ended without results (${seconds} s)\n`);
    failedInstants++;
    continue;
  }
  const failures = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => {
        const why = test.failureMessages?.[0]?.split('\n')[0] ?? '';
        return `${path.relative(root, file.name)} › ${test.fullName}${why ? `\n      ${why}` : ''}`;
      }),
  );
  for (const failure of failures) process.stdout.write(`  ✗ ${failure}\n`);
  process.stdout.write(
    `  ${failures.length ? '✗' : '✓'} ${report.numPassedTests} passed, ${report.numFailedTests} failed (${seconds} s)\n`,
  );
  if (report.numFailedTests) failedInstants++;
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(
  `\n${failedInstants ? `${failedInstants} instant(s) failed` : 'every instant passed'}\n`,
);
process.exitCode = failedInstants ? 1 : 0;
