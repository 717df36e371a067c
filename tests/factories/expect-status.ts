import type { ApiResponse } from 'soundcheck/client/http-client.ts';

/** The body of a response that must have `status`; anything else fails with what the API said. */
export function expectStatus<T>(response: ApiResponse<T>, status: number, what: string): T {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${response.text.slice(0, 500)}`);
  }
  return response.body;
}
