import { HttpMock } from 'soundcheck/mocks/http-mock.ts';
import { MockServiceManager } from 'soundcheck/mocks/manager.ts';
import { SmtpMock } from 'soundcheck/mocks/smtp-mock.ts';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const manager = new MockServiceManager();
const mock = manager.registerMock(
  new HttpMock('partner-api').on('GET', '/items/:id', (_request, { id }) => ({ status: 200, body: { id } })),
);

beforeAll(() => manager.startAll());
afterAll(() => manager.stopAll());
beforeEach(() => manager.resetAllMocks());

const get = (path: string) => request(`${mock.url}${path}`);

describe('the generic HTTP mock', { tags: ['integration', 'harness', 'external_deps'] }, () => {
  test('answers its routes with params and records what it received', async () => {
    const response = await request(`${mock.url}/items/42?x=1`, {
      method: 'GET',
      headers: { 'x-test': 'yes' },
    });
    expect({ status: response.statusCode, body: await response.body.json() }).toEqual({
      status: 200,
      body: { id: '42' },
    });
    expect(mock.received).toHaveLength(1);
    expect(mock.received[0]).toMatchObject({
      method: 'GET',
      path: '/items/42',
      headers: { 'x-test': 'yes' },
    });
    expect(mock.received[0]?.query.get('x')).toBe('1');
  });

  test('an unrouted request gets a 404 naming it', async () => {
    const response = await get('/nowhere');
    expect(response.statusCode).toBe(404);
    expect(await response.body.json()).toEqual({ error: 'mock partner-api has no route for GET /nowhere' });
  });

  test('an error-status scenario applies to the next `times` requests only', async () => {
    mock.scenario('/items', { status: 500, times: 1 });
    expect((await get('/items/1')).statusCode).toBe(500);
    expect((await get('/items/1')).statusCode).toBe(200);
  });

  test('a rate-limit scenario answers 503 with retry-after', async () => {
    mock.scenario('*', { rateLimit: true });
    const response = await get('/items/1');
    expect({ status: response.statusCode, retryAfter: response.headers['retry-after'] }).toEqual({
      status: 503,
      retryAfter: '1',
    });
  });

  test('a malformed-body scenario keeps the status but garbles the body', async () => {
    mock.scenario('/items/7', { malformedBody: true });
    const response = await get('/items/7');
    expect(response.statusCode).toBe(200);
    await expect(response.body.json()).rejects.toThrow();
  });

  test('a delay scenario holds the answer back', async () => {
    mock.scenario('*', { delayMs: 150 });
    const started = performance.now();
    await (await get('/items/1')).body.dump();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('a dropped-connection scenario closes the socket without an answer', async () => {
    mock.scenario('*', { dropConnection: true });
    await expect(get('/items/1')).rejects.toThrow(/other side closed|socket/i);
  });

  test('the longest matching path prefix wins', async () => {
    mock.scenario('*', { status: 500 }).scenario('/items/9', { status: 418 });
    expect((await get('/items/9')).statusCode).toBe(418);
    expect((await get('/items/1')).statusCode).toBe(500);
  });

  test('reset forgets received requests and scenarios', async () => {
    mock.scenario('*', { status: 500 });
    await (await get('/items/1')).body.dump();
    manager.resetAllMocks();
    expect(mock.received).toEqual([]);
    expect((await get('/items/1')).statusCode).toBe(200);
  });
});

describe('MockServiceManager', { tags: ['integration', 'harness'] }, () => {
  test('returns a registered mock checked against its type', () => {
    expect(manager.getMock('partner-api', HttpMock)).toBe(mock);
    expect(() => manager.getMock('partner-api', SmtpMock)).toThrow(
      'mock partner-api is a HttpMock, not a SmtpMock',
    );
    expect(() => manager.getMock('nope', HttpMock)).toThrow('no mock named nope; registered: partner-api');
  });

  test('refuses two mocks with the same name', () => {
    expect(() => manager.registerMock(new HttpMock('partner-api'))).toThrow('already registered');
  });

  test('lists where each mock listens, on a free local port', () => {
    expect(manager.urls()).toEqual({ 'partner-api': expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  });
});
