import { injectTransport } from 'soundcheck/client/http-client.ts';
import { fuzz } from 'soundcheck/fuzz/runner.ts';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import { describe, expect, test } from 'vitest';
import { OUTSIDER_TOKEN, OWNER_TOKEN, plantedServer, plantedSpec } from './planted-server.ts';

// The planted spec plus an upload the fuzzer cannot generate (it only writes JSON bodies).
const withUpload = {
  ...plantedSpec,
  paths: {
    ...plantedSpec.paths,
    '/items/{id}/image': {
      put: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'image/png': { schema: {} } } },
        responses: { 204: { description: 'stored' } },
      },
    },
  },
};

describe('fuzz --budget', { tags: ['security', 'harness'] }, () => {
  // `--budget 10000` once sent 9,528: the share of an operation it could not generate, and what the stateful
  // phase left, went unspent.
  test('sends the whole budget when an operation cannot be generated', async () => {
    const app = plantedServer('none');
    try {
      const report = await fuzz({
        document: readDocument('planted', withUpload),
        transport: injectTransport((options) => app.inject(options)),
        actor: { name: 'owner', token: () => OWNER_TOKEN },
        outsiderToken: OUTSIDER_TOKEN,
        seed: Number(process.env.SOUNDCHECK_SEED ?? 1),
        budget: 300,
      });
      expect(report.operations.skipped.map((skip) => skip.operation)).toHaveLength(1);
      expect(report.requests).toBeGreaterThanOrEqual(300);
      expect(report.requests).toBeLessThanOrEqual(310);
    } finally {
      await app.close();
    }
  });
});
