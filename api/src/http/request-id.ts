import { v7 as uuidv7 } from 'uuid';

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's `x-request-id` when it is a sane token (for tracing across hops); otherwise makes one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTABLE.test(header) ? header : uuidv7();
}
