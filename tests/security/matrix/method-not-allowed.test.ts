import { randomUUID } from 'node:crypto';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods an `Allow` header names, in order, without the `HEAD` a `GET` implies. */
const allowed = (header: string | undefined) =>
  (header ?? '')
    .split(',')
    .map((method) => method.trim().toUpperCase())
    .filter((method) => method && method !== 'HEAD')
    .sort();

describe('method switching: every path answers every method the spec lacks for it with 405 and Allow', {
  tags: ['security', 'ops'],
}, () => {
  test('each path × each missing method → 405, Allow naming exactly the spec’s methods', async ({
    api,
    admin,
  }) => {
    const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
    const byPath = new Map<string, string[]>();
    for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op.method]);
    const wrong: string[] = [];
    let probes = 0;
    for (const [template, documented] of byPath) {
      const path = template.replace(/\{\w+\}/g, () => randomUUID());
      for (const method of METHODS.filter((m) => !documented.includes(m))) {
        probes += 1;
        const response = await api.as(admin).request({ method, path });
        const answer = { status: response.status, allow: allowed(response.headers.allow) };
        const expected = { status: 405, allow: [...documented].sort() };
        if (JSON.stringify(answer) !== JSON.stringify(expected))
          wrong.push(
            `${method} ${template}: ${answer.status} allow=[${answer.allow}], documented [${expected.allow}]`,
          );
        else if (probes === 1) await expectRefusal(api, response, { status: 405 });
      }
    }
    expect(wrong).toEqual([]);
    // Every path of the spec lacks at least one of the five methods, so each one was probed.
    expect(probes).toBeGreaterThanOrEqual(byPath.size);
  });
});
