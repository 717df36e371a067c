import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { cloneDatabase } from 'soundcheck/fixtures/databases.ts';
import { perfAdmin, startApiUnderTest } from 'soundcheck/perf/compare/api-under-test.ts';
import { writePerfSection } from 'soundcheck/perf/history/load-section.ts';
import { loadBudgets, operationsOf } from '../budgets.ts';
import { inBatches } from '../scenarios/cast.ts';
import { describe, expect, test } from '../support/perf-test.ts';
import { makeWorld } from './endpoint-world.ts';
import {
  type EndpointRow,
  endpointFigures,
  endpointTable,
  interleave,
  type Measured,
  measure,
} from './measure-endpoints.ts';
import { recipes } from './operation-recipes.ts';

const samples = Number(process.env.SOUNDCHECK_ENDPOINT_SAMPLES ?? 5);
const rate = Number(process.env.SOUNDCHECK_ENDPOINT_RATE ?? 5);
const repo = path.resolve(import.meta.dirname, '../../..');

type OpenApi = { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

/** The 2xx an operation documents (its success path), from the target's own /openapi.json. */
function successOf(document: OpenApi, operation: string): number {
  const [method = '', route = ''] = operation.split(' ');
  const responses = document.paths[route]?.[method.toLowerCase()]?.responses ?? {};
  const code = Object.keys(responses).find((status) => /^2(\d\d|XX)$/i.test(status));
  if (!code) throw new Error(`${operation} documents no 2xx answer`);
  // A range ("2XX") documents the 2xx family: 200 is its plain success.
  return /XX$/i.test(code) ? 200 : Number(code);
}

describe('per-endpoint budgets, measured', {
  tags: ['performance', 'long', 'slow'],
  timeout: 900_000,
}, () => {
  test('every operation of /openapi.json, at a low fixed rate, keeps its p95 within its budget', async ({
    services,
    sftp,
    mockServers,
    skip,
    onTestFinished,
  }) => {
    let target = services.target;
    if (!target) {
      const { postgres, template } = services;
      if (!postgres || !template) return skip('needs PostgreSQL for the API as its own process');
      const database = await cloneDatabase(
        postgres,
        template,
        `${services.clonePrefix}budgets_${randomBytes(3).toString('hex')}`,
      );
      const api = await startApiUnderTest(repo, 'the API measured per endpoint', {
        env: { ...process.env, REDIS_URL: services.redis ?? '' },
        database,
        // Lookups go to the MusicBrainz mock; a transport error fails a delivery at once (retry, cancel).
        settings: { MUSICBRAINZ_BASE_URL: mockServers.musicbrainz.baseUrl, DELIVERY_MAX_ATTEMPTS: '1' },
      });
      onTestFinished(() => api.stop());
      target = api.url;
      // The scenarios' cast signs in as the target's bootstrap admin.
      Object.assign(process.env, {
        BOOTSTRAP_ADMIN_EMAIL: perfAdmin.email,
        BOOTSTRAP_ADMIN_PASSWORD: perfAdmin.password,
      });
    }
    const http = createApiClient(fetchTransport(target));
    const document = (await http.get<OpenApi>('/openapi.json')).body;
    const operations = operationsOf(document);
    expect(
      operations.filter((operation) => !recipes[operation]),
      'add a recipe to operation-recipes.ts',
    ).toEqual([]);

    const world = await makeWorld(http, { sftp, s3: mockServers.s3 }, 90_000);
    const unmeasured = new Map<string, string>();
    const calls = await inBatches(operations.length, 4, async (at): Promise<Measured[]> => {
      const operation = operations[at] as string;
      try {
        const expectStatus = successOf(document, operation);
        return (await (recipes[operation] as NonNullable<(typeof recipes)[string]>)(world, samples)).map(
          (call) => ({ ...call, operation, expect: expectStatus }),
        );
      } catch (error) {
        unmeasured.set(operation, `not prepared: ${(error as Error).message}`);
        return [];
      }
    });
    const measured = await measure(target, interleave(calls), rate);
    const budgets = loadBudgets().operations;
    const table = endpointTable(operations, measured, (operation) => budgets[operation]?.p95Ms, unmeasured);
    const over = table.filter((row) => row.verdict === 'over');
    const missing = table.filter((row) => row.verdict === 'unmeasured');
    const entry = {
      title: `per-endpoint budgets: ${operations.length} operations, ${samples} calls each at ${rate}/s, interleaved`,
      verdict: over.length || missing.length ? ('failed' as const) : ('passed' as const),
      summary: `${table.length - over.length - missing.length} within budget, ${over.length} over${over.length ? ` (${over.map((row) => row.operation).join(', ')})` : ''}, ${missing.length} unmeasured`,
      metrics: table.flatMap((row) =>
        row.p95 === null
          ? []
          : [
              {
                name: `${row.operation} p95`,
                value: row.p95,
                unit: 'ms',
                ...(row.budget ? { budget: row.budget } : {}),
              },
            ],
      ),
      history: endpointFigures(table),
      table,
    };
    writePerfSection('endpoints', entry);
    // A failed-for-good delivery comes only after the target's configured maximum of attempts (API.md):
    // black-box, retry and cancel may stay unmeasured when it is more than the wait allows.
    const excused = (row: EndpointRow) =>
      services.target !== null && /^POST \/v1\/deliveries\/\{id\}\/(retry|cancel)$/.test(row.operation);
    expect(missing.filter((row) => !excused(row)).map((row) => `${row.operation}: ${row.note}`)).toEqual([]);
    expect(over.map((row) => `${row.operation}: p95 ${row.p95} ms > ${row.budget} ms`)).toEqual([]);
  });
});
