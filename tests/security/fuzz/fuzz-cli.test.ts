import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDocument } from 'soundcheck/fuzz/spec.ts';
import { describe, expect, test } from 'vitest';
import { OWNER_TOKEN, type Plant, plantedServer, plantedSpec } from './planted-server.ts';

const cli = path.resolve(import.meta.dirname, '../../../soundcheck/src/cli.ts');

function soundcheck(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function withPlantedServer<T>(
  plant: Plant,
  work: (url: string, dir: string) => Promise<T>,
): Promise<T> {
  const app = plantedServer(plant);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-cli-'));
  writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(plantedSpec));
  try {
    return await work(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, dir);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each run starts a Node process: seconds on a loaded 2-core machine. */
const CLI_TIMEOUT_MS = 90_000;

function specsDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-cli-'));
  writeFileSync(path.join(dir, 'not-json.json'), '{ "openapi": ');
  writeFileSync(path.join(dir, 'swagger.json'), JSON.stringify({ swagger: '2.0', paths: {} }));
  const badRef = {
    openapi: '3.1.0',
    paths: { '/items': { get: { responses: { 200: { $ref: '#/components/schemas/Nope' } } } } },
  };
  writeFileSync(path.join(dir, 'bad-ref.json'), JSON.stringify(badRef));
  return dir;
}

const fuzzArgs = (url: string, extra: string[] = []) => [
  'fuzz',
  '--target',
  url,
  '--spec',
  'spec.json',
  '--token',
  OWNER_TOKEN,
  '--budget',
  '120',
  '--seed',
  '3',
  ...extra,
];

describe('soundcheck fuzz', { tags: ['security', 'harness'] }, () => {
  test.for([
    ['a missing file', 'missing.json', /missing\.json: cannot read the spec/],
    ['a file that is not JSON', 'not-json.json', /not-json\.json: not JSON/],
    ['a Swagger 2.0 document', 'swagger.json', /#\/openapi: expected an OpenAPI 3\.x version/],
    [
      'an unresolvable $ref',
      'bad-ref.json',
      /#\/paths\/~1items\/get\/responses\/200\/\$ref: "#\/components\/schemas\/Nope" does not resolve/,
    ],
  ] as const)('a spec it cannot use (%s) is refused naming the location', async ([, file, message]) => {
    const dir = specsDir();
    try {
      await expect(loadDocument(path.join(dir, file))).rejects.toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the CLI says so in one line and exits 2', { timeout: CLI_TIMEOUT_MS }, async () => {
    const dir = specsDir();
    try {
      const run = await soundcheck(
        ['fuzz', '--target', 'http://127.0.0.1:9', '--spec', 'bad-ref.json', '--token', 't'],
        dir,
      );
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/bad-ref\.json|#\/paths\/~1items\/get\/responses\/200\/\$ref/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a finding at the --fail-on severity or above exits 1, below it 0; --replay re-sends a saved case', {
    timeout: CLI_TIMEOUT_MS,
  }, async () => {
    await withPlantedServer('ignores-auth', async (url, dir) => {
      const failing = await soundcheck(fuzzArgs(url), dir);
      expect(failing.stdout).toMatch(/\[critical\] ignored-auth-\w+ ignored_auth/);
      expect(failing.code).toBe(1);
      const [saved] = readdirSync(path.join(dir, '.soundcheck', 'fuzz'));
      const replayed = await soundcheck(
        [...fuzzArgs(url), '--replay', String(saved).replace(/\.json$/, '')],
        dir,
      );
      expect(replayed.stdout).toMatch(/STILL FAILS/);
      expect(replayed.code).toBe(1);
    });
    await withPlantedServer('undocumented-status', async (url, dir) => {
      const low = await soundcheck(fuzzArgs(url, ['--fail-on', 'medium']), dir);
      expect(low.stdout).toMatch(/\[low\] status-code-conformance-\w+/);
      expect(low.code).toBe(0);
    });
  });
});
