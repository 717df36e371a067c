import { randomUUID } from 'node:crypto';
import type { ApiRequest, ApiResponse } from '../client/http-client.ts';
import { breakingProbes, slotsOf, withBreakingProbe } from './case-arbitraries.ts';
import type { Check } from './checks.ts';
import { concretePath, type FuzzCase } from './fuzz-case.ts';
import { paramsOf } from './id-pool.ts';
import type { FuzzSession } from './session.ts';
import type { Operation } from './spec.ts';
import { requestConforms } from './validity.ts';

const stateCheck = (name: string, owasp: string, cwe: number, severity: Check['severity']): Check => ({
  name,
  owasp,
  cwe,
  severity,
  verify: () => null,
});

export const statefulChecks = {
  resourceAvailability: stateCheck('resource_availability', 'API9:2023', 1059, 'medium'),
  useAfterFree: stateCheck('use_after_free', 'API1:2023', 672, 'high'),
  failedUpdateUnchanged: stateCheck('failed_update_unchanged', 'API3:2023', 20, 'high'),
  existenceLeak: stateCheck('existence_leak', 'API1:2023', 204, 'medium'),
  unsupportedMethod: stateCheck('unsupported_method', 'API9:2023', 650, 'low'),
} as const;

const ALL_METHODS = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'];

/** An item path (`/v1/things/{id}`) with its operations, and a filling of its parameters. */
interface Item {
  template: string;
  operations: Operation[];
  params: Record<string, string>;
}

function chainCase(
  operation: Operation,
  params: Record<string, string>,
  auth: FuzzCase['auth'] = 'actor',
): FuzzCase {
  return {
    operation: operation.id,
    phase: 'stateful',
    method: operation.method,
    pathParams: params,
    query: {},
    headers: {},
    auth,
  };
}

async function bearer(session: FuzzSession, token?: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${token ?? (await session.options.actor.token())}` };
}

async function get(
  session: FuzzSession,
  path: string,
  token?: string,
): Promise<{ request: ApiRequest; response: ApiResponse }> {
  const request: ApiRequest = { method: 'GET', path, headers: await bearer(session, token) };
  return { request, response: await session.sendRaw(request) };
}

/** Items with a GET, each filled with one resource the run knows (created by its POSTs or seeded). */
function items(operations: readonly Operation[], session: FuzzSession): Item[] {
  const byTemplate = new Map<string, Operation[]>();
  for (const operation of operations)
    byTemplate.set(operation.path, [...(byTemplate.get(operation.path) ?? []), operation]);
  return [...byTemplate.entries()].flatMap(([template, ops]) => {
    if (!/\}$/.test(template) || !ops.some((op) => op.method === 'GET')) return [];
    return session.pool
      .fillings(template)
      .slice(-1)
      .map((params) => ({ template, operations: ops, params }));
  });
}

async function availability(session: FuzzSession, item: Item, read: Operation): Promise<ApiResponse> {
  const sent = await get(session, concretePath(item.template, item.params));
  if (sent.response.status !== 200)
    session.report(
      statefulChecks.resourceAvailability,
      `a resource the run created or was given answers ${sent.response.status}`,
      chainCase(read, item.params),
      sent,
      true,
    );
  return sent.response;
}

async function failedUpdate(session: FuzzSession, item: Item, before: ApiResponse): Promise<void> {
  const update = item.operations.find((op) => (op.method === 'PATCH' || op.method === 'PUT') && op.body);
  if (!update || before.status !== 200) return;
  const base = {
    ...chainCase(update, item.params),
    body: {},
    mediaType: update.body?.mediaType ?? 'application/json',
  };
  const slot = slotsOf(update).find(
    (s) => s.where === 'body' && s.path.length === 1 && breakingProbes(s).length > 0,
  );
  const probe = slot ? breakingProbes(slot)[0] : undefined;
  if (!slot || !probe) return;
  const broken = withBreakingProbe(base, slot, probe);
  if (requestConforms(update, broken)) return;
  const sent = await session.send(update, broken);
  if (sent.response.status >= 200 && sent.response.status < 300) return;
  const after = await get(session, concretePath(item.template, item.params));
  if (after.response.text !== before.text)
    session.report(
      statefulChecks.failedUpdateUnchanged,
      `a refused ${update.method} (${sent.response.status}) changed the resource`,
      broken,
      sent,
      true,
    );
}

async function useAfterFree(session: FuzzSession, item: Item, all: readonly Operation[]): Promise<void> {
  const remove = item.operations.find((op) => op.method === 'DELETE');
  if (!remove) return;
  const path = concretePath(item.template, item.params);
  const deleted = await session.sendRaw({ method: 'DELETE', path, headers: await bearer(session) });
  if (deleted.status < 200 || deleted.status >= 300) return;
  session.pool.remove(item.params[paramsOf(item.template).at(-1) ?? ''] ?? '');
  const readers = all.filter(
    (op) =>
      op.method === 'GET' &&
      op.path.startsWith(item.template) &&
      !op.path.slice(item.template.length).includes('{'),
  );
  for (const reader of readers) {
    const sent = await get(session, concretePath(reader.path, item.params));
    if (sent.response.status !== 404)
      session.report(
        statefulChecks.useAfterFree,
        `after a ${deleted.status} DELETE, ${reader.id} answers ${sent.response.status}, not 404`,
        chainCase(reader, item.params),
        sent,
        true,
      );
  }
}

async function existenceLeak(
  session: FuzzSession,
  item: Item,
  read: Operation,
  outsider: string,
): Promise<void> {
  const last = paramsOf(item.template).at(-1) ?? '';
  const existing = await get(session, concretePath(item.template, item.params), outsider);
  const missing = await get(
    session,
    concretePath(item.template, { ...item.params, [last]: randomUUID() }),
    outsider,
  );
  if (existing.response.status === 403 && missing.response.status === 404)
    session.report(
      statefulChecks.existenceLeak,
      'another tenant gets 403 for an existing resource and 404 for a missing one',
      chainCase(read, item.params, 'actor'),
      existing,
      true,
    );
}

async function unsupportedMethods(session: FuzzSession, operations: readonly Operation[]): Promise<void> {
  const templates = [...new Set(operations.map((op) => op.path))];
  for (const template of templates) {
    if (session.exhausted) return;
    const documented = operations.filter((op) => op.path === template).map((op) => op.method);
    const method = ALL_METHODS.find((candidate) => !documented.includes(candidate));
    if (!method) continue;
    const params =
      session.pool.fillings(template).at(-1) ??
      Object.fromEntries(paramsOf(template).map((name) => [name, randomUUID()]));
    const request: ApiRequest = {
      method,
      path: concretePath(template, params),
      headers: await bearer(session),
    };
    const response = await session.sendRaw(request);
    const allow = (response.headers.allow ?? '').toUpperCase();
    const fuzzCase: FuzzCase = {
      operation: `${method} ${template}`,
      phase: 'stateful',
      method,
      pathParams: params,
      query: {},
      headers: {},
      auth: 'actor',
    };
    if (response.status !== 405 || !documented.every((m) => allow.includes(m)))
      session.report(
        statefulChecks.unsupportedMethod,
        `${method} on ${template} (documented: ${documented.join(', ')}) answered ${response.status}${response.status === 405 ? ` with allow "${allow}"` : ''}, not 405 with Allow`,
        fuzzCase,
        { request, response },
        true,
      );
  }
}

/**
 * The `stateful` phase: chains over resources the run created or was given — it can be fetched, a
 * refused update leaves it unchanged, another tenant cannot tell it exists, once deleted it is gone
 * everywhere — and every path answers an undocumented method with 405 and `Allow`.
 */
export async function statefulPhase(
  session: FuzzSession,
  operations: readonly Operation[],
  outsiderToken?: string,
): Promise<void> {
  await unsupportedMethods(session, operations);
  for (const item of items(operations, session)) {
    if (session.exhausted) return;
    const read = item.operations.find((op) => op.method === 'GET');
    if (!read) continue;
    const before = await availability(session, item, read);
    await failedUpdate(session, item, before);
    if (outsiderToken) await existenceLeak(session, item, read, outsiderToken);
    await useAfterFree(session, item, operations);
  }
}
