import { injectTransport } from 'soundcheck/client/http-client.ts';
import { fuzz } from 'soundcheck/fuzz/runner.ts';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import { describe, expect, test } from 'vitest';
import { OUTSIDER_TOKEN, OWNER_TOKEN, type Plant, plantedServer, plantedSpec } from './planted-server.ts';

async function checksFailingOn(plant: Plant): Promise<string[]> {
  const app = plantedServer(plant);
  try {
    const report = await fuzz({
      document: readDocument('planted', plantedSpec),
      transport: injectTransport((options) => app.inject(options)),
      actor: { name: 'owner', token: () => OWNER_TOKEN },
      outsiderToken: OUTSIDER_TOKEN,
      seed: Number(process.env.SOUNDCHECK_SEED ?? 1),
      budget: 240,
    });
    return [...new Set(report.findings.filter((f) => f.confirmed).map((f) => f.check))].sort();
  } finally {
    await app.close();
  }
}

// Each check is shown able to fail: a server that breaks exactly that rule is caught by exactly that check.
describe('every fuzzing check fails on a server that breaks its rule', {
  tags: ['security', 'harness'],
}, () => {
  test('the reference server, which breaks nothing, passes every check', async () => {
    expect(await checksFailingOn('none')).toEqual([]);
  });

  test.for([
    ['server-error', 'not_a_server_error'],
    ['undocumented-status', 'status_code_conformance'],
    ['wrong-content-type', 'content_type_conformance'],
    ['body-off-schema', 'response_schema_conformance'],
    ['accepts-invalid', 'negative_data_rejection'],
    ['refuses-valid', 'positive_data_acceptance'],
    ['ignores-auth', 'ignored_auth'],
    ['leaks-stack-trace', 'no_internals_leaked'],
    ['keeps-deleted', 'use_after_free'],
    ['loses-created', 'resource_availability'],
    ['changes-on-refusal', 'failed_update_unchanged'],
    ['existence-leak', 'existence_leak'],
    ['no-405', 'unsupported_method'],
  ] as const)('a server that %s fails %s, and only it', async ([plant, check]) => {
    expect(await checksFailingOn(plant)).toEqual([check]);
  });
});
