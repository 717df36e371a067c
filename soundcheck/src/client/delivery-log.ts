/**
 * What a test saw of the deliveries it drove, read from the API's responses (black-box alike): each
 * delivery's partner and the last state it was seen in, each partner's name and transport.
 */
export interface DeliveryLog {
  deliveries: Record<string, { partnerId: string; state: string }>;
  partners: Record<string, { name: string; transport: string }>;
}

declare module 'vitest' {
  interface TaskMeta {
    deliveryLog?: DeliveryLog;
  }
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;

/** A delivery as API.md returns it: `{ id, partnerId, state, … }`. */
const isDelivery = (value: Fields) =>
  typeof value.id === 'string' && typeof value.partnerId === 'string' && typeof value.state === 'string';

/** A partner as API.md returns it: `{ id, name, transport: { kind, … }, … }`. */
const isPartner = (value: Fields) =>
  typeof value.id === 'string' &&
  typeof value.name === 'string' &&
  isObject(value.transport) &&
  typeof value.transport.kind === 'string';

/** Notes the deliveries and partners in a response body (the object itself, or a list's `items`). */
export function recordDeliveryFacts(meta: { deliveryLog?: DeliveryLog }, body: unknown): void {
  if (!isObject(body)) return;
  const objects = Array.isArray(body.items) ? body.items.filter(isObject) : [body];
  for (const value of objects) {
    if (isDelivery(value)) {
      meta.deliveryLog ??= { deliveries: {}, partners: {} };
      meta.deliveryLog.deliveries[value.id as string] = {
        partnerId: value.partnerId as string,
        state: value.state as string,
      };
    } else if (isPartner(value)) {
      meta.deliveryLog ??= { deliveries: {}, partners: {} };
      meta.deliveryLog.partners[value.id as string] = {
        name: value.name as string,
        transport: (value.transport as Fields).kind as string,
      };
    }
  }
}
