// What test isolation costs: cloning the migrated template per test file (what the harness does), next
// to running the migrations from scratch (what a naive harness does), measured in the same run on the
// same server. Prints milliseconds per file and per test (amortised over the suite's tests per file).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connectPostgres, openPglite } from '@soundcheck/api/db/database.ts';
import { migrateUp } from '@soundcheck/api/db/migrate.ts';
import {
  cloneDatabase,
  databaseUrl,
  dropDatabase,
  dropDatabases,
  ensureTemplate,
} from 'soundcheck/fixtures/databases.ts';
import { checkService, defaultUrls } from 'soundcheck/services/health.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 15;
const adminUrl = defaultUrls.postgres;
const token = randomBytes(3).toString('hex');

async function migrateInto(url: string): Promise<void> {
  const db = await connectPostgres(url, { poolSize: 1 });
  await migrateUp(db);
  await db.close();
}

async function timeRounds(label: string, once: (round: number) => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await once(round);
    samples.push(performance.now() - started);
    if (process.stdout.isTTY) process.stdout.write(`\r  ${label}: ${round + 1}/${ROUNDS}`);
  }
  process.stdout.write(`  ${label}: ${ROUNDS} rounds\n`);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

function testsPerFile(): number {
  const listed = execFileSync(
    'npx',
    ['vitest', 'list', '--json', '--project', 'integration', '--project', 'e2e', '--project', 'security'],
    { encoding: 'utf8', env: { ...process.env, SOUNDCHECK_QUIET: '1' }, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const tests = JSON.parse(listed.slice(listed.indexOf('['))) as Array<{ file: string }>;
  return tests.length / new Set(tests.map((test) => test.file)).size;
}

async function main(): Promise<void> {
  const postgres = await checkService('postgres', adminUrl);
  if (!postgres.ok) throw new Error(postgres.reason);
  const template = `bench_tpl_${token}`;
  await ensureTemplate(adminUrl, template, migrateInto);
  try {
    const scratch = await timeRounds('migrations from scratch', async (round) => {
      const name = `bench_scratch_${token}_${round}`;
      await cloneDatabase(adminUrl, 'template0', name);
      await migrateInto(databaseUrl(adminUrl, name));
      await dropDatabase(adminUrl, name);
    });
    const clone = await timeRounds('clone of the template', async (round) => {
      const db = await connectPostgres(
        await cloneDatabase(adminUrl, template, `bench_clone_${token}_${round}`),
        {
          poolSize: 1,
        },
      );
      await db.close();
    });
    // The harness drops a run's clones together at its end; that is paid once per file too.
    const teardownStarted = performance.now();
    await dropDatabases(adminUrl, `bench_clone_${token}_`);
    const teardown = (performance.now() - teardownStarted) / ROUNDS;
    const pgliteScratch = await timeRounds('PGlite created and migrated', async () => {
      const db = await openPglite(null);
      await migrateUp(db);
      await db.close();
    });
    const migrated = await openPglite(null);
    await migrateUp(migrated);
    const dump = await migrated.dump!();
    await migrated.close();
    const pglite = await timeRounds('PGlite loaded from a migrated dump', async () => {
      await (await openPglite(null, dump)).close();
    });
    const perFile = testsPerFile();
    const row = (name: string, ms: number) =>
      `  ${name.padEnd(38)} ${ms.toFixed(1).padStart(8)} ms/file ${(ms / perFile).toFixed(2).padStart(8)} ms/test`;
    console.log(
      `\nmedian of ${ROUNDS} rounds; the suite has ${perFile.toFixed(1)} tests per file (integration, e2e, security)`,
    );
    console.log(row('clone of the template (the harness)', clone));
    console.log(row('  + its drop at the end of the run', teardown));
    console.log(row('migrations from scratch (reference)', scratch));
    console.log(row('no PostgreSQL: PGlite from a dump', pglite));
    console.log(row('  reference: PGlite created + migrated', pgliteScratch));
    const perTest = (clone + teardown) / perFile;
    console.log(
      `\nisolation costs ${perTest.toFixed(2)} ms per test (target ≤ 5 ms); ${(scratch / (clone + teardown)).toFixed(1)}× cheaper than migrating`,
    );
  } finally {
    await dropDatabase(adminUrl, template).catch(() => {});
    const client = await connectPostgres(adminUrl, { poolSize: 1 });
    await client.exec(`ALTER DATABASE ${template} WITH IS_TEMPLATE false`).catch(() => {});
    await client.close();
    await dropDatabase(adminUrl, template);
  }
}

await main();
