import { type ApiRequest, createApiClient } from 'soundcheck/client/http-client.ts';
import { describe, expect, test } from 'vitest';

function recordingClient() {
  const sent: ApiRequest[] = [];
  const client = createApiClient(async (request) => {
    sent.push(request);
    return { status: 200, headers: {}, body: {}, text: '{}' };
  });
  return { client, sent };
}

describe('the API client tests use', { tags: ['unit', 'harness'] }, () => {
  test('as(actor) sends that actor’s bearer token, and only on that client', async () => {
    const { client, sent } = recordingClient();
    await client.as({ accessToken: 'token-of-alice' }).post('/v1/labels', { name: 'A' });
    await client.get('/v1/me');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/v1/labels',
        body: { name: 'A' },
        headers: { authorization: 'Bearer token-of-alice' },
      },
      { method: 'GET', path: '/v1/me', headers: {} },
    ]);
  });

  test('an explicit authorization header wins over the actor', async () => {
    const { client, sent } = recordingClient();
    await client.as({ accessToken: 'a' }).get('/v1/me', { authorization: 'Bearer forged' });
    expect(sent[0]?.headers).toEqual({ authorization: 'Bearer forged' });
  });
});
