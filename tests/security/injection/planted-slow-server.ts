import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { type ApiClient, createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';

/**
 * A search endpoint with a time-based SQL injection planted: `/vulnerable?q=` sleeps whatever `pg_sleep(n)`
 * the query carries, as a database would that concatenated it into SQL; `/safe?q=` never does.
 */
export async function startPlantedSlowServer(): Promise<{ client: ApiClient; close(): Promise<void> }> {
  const app = Fastify();
  const list = { items: [], nextCursor: null };
  app.get<{ Querystring: { q?: string } }>('/vulnerable', async (request) => {
    const sleepSeconds = /pg_sleep\((\d+(?:\.\d+)?)\)/.exec(request.query.q ?? '')?.[1];
    if (sleepSeconds) await sleep(Number(sleepSeconds) * 1000);
    return list;
  });
  app.get('/safe', async () => list);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { client: createApiClient(fetchTransport(address)), close: () => app.close() };
}
