import { HttpMock } from 'soundcheck/mocks/http-mock.ts';
import { OutboundGuard } from 'soundcheck/mocks/outbound-guard.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const mock = new HttpMock('allowed').on('GET', '/ok', () => ({ status: 200, body: 'fine' }));
const guard = new OutboundGuard();

beforeAll(async () => {
  await mock.start();
  guard.allow(mock.url).install();
});
afterAll(async () => {
  guard.uninstall();
  await mock.stop();
});

describe('the outbound guard', { tags: ['integration', 'harness', 'external_deps'] }, () => {
  test('lets requests to a mock through', async () => {
    const response = await fetch(`${mock.url}/ok`);
    expect(await response.text()).toBe('fine');
    expect(() => guard.assertNoneRefused()).not.toThrow();
  });

  test('refuses a request no mock covers and fails with its URL', async () => {
    await expect(fetch('https://musicbrainz.org/ws/2/isrc/X?fmt=json')).rejects.toThrow('fetch failed');
    expect(() => guard.assertNoneRefused()).toThrow(
      'outbound requests not covered by any mock: GET https://musicbrainz.org/ws/2/isrc/X?fmt=json',
    );
    expect(guard.refused).toEqual([]);
  });
});

describe('the outbound guard with loopback allowed', { tags: ['integration', 'harness'] }, () => {
  test('passes any local server but still refuses the outside world', () => {
    const lenient = new OutboundGuard({ allowLoopback: true });
    expect(lenient.isAllowed('http://127.0.0.1:5555/anything')).toBe(true);
    expect(lenient.isAllowed('http://localhost:5555/anything')).toBe(true);
    expect(lenient.isAllowed('https://musicbrainz.org/ws/2/')).toBe(false);
    expect(guard.isAllowed('http://127.0.0.1:5555/anything')).toBe(false);
  });
});
