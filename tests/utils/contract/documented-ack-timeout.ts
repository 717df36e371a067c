import type { ApiClient } from 'soundcheck/client/http-client.ts';

/** Where a target documents its ACK timeout: `info['x-delivery-ack-timeout']` of its /openapi.json. */
export const ACK_TIMEOUT_EXTENSION = 'x-delivery-ack-timeout';

interface AckTimeout {
  /** A delivery `uploaded` this long without an acknowledgement becomes `failed` (ack_timeout). */
  afterMs: number;
  /** How often the target looks: the latest it fails one is `afterMs + checkedEveryMs` after the upload. */
  checkedEveryMs: number;
}

const wholeMs = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/**
 * The ACK timeout the target documents, or why there is none to read. API.md leaves the timeout to the
 * deployment (`state_machines.json`: "no ACK within partner SLA"), so a test reads it from the target
 * itself; a target that does not document it is not wrong, it only leaves nothing to check.
 */
export async function documentedAckTimeout(api: ApiClient): Promise<AckTimeout | { missing: string }> {
  const spec = await api.get<{ info?: Record<string, unknown> }>('/openapi.json');
  if (spec.status !== 200) throw new Error(`GET /openapi.json: ${spec.status}; the contract requires it`);
  const documented = spec.body.info?.[ACK_TIMEOUT_EXTENSION] as Partial<AckTimeout> | undefined;
  if (!documented)
    return {
      missing: `the target's /openapi.json has no info['${ACK_TIMEOUT_EXTENSION}']: its ACK timeout is its own configuration, which API.md does not make it publish, so there is no timeout to wait for`,
    };
  const { afterMs, checkedEveryMs } = documented;
  if (!wholeMs(afterMs) || !wholeMs(checkedEveryMs))
    throw new Error(
      `info['${ACK_TIMEOUT_EXTENSION}'] of /openapi.json must carry afterMs and checkedEveryMs as positive whole milliseconds; got ${JSON.stringify(documented)}`,
    );
  return { afterMs, checkedEveryMs };
}
