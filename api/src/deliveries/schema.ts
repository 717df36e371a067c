import { type Static, Type } from 'typebox';
import { pageQueryProperties } from '../http/pagination.ts';
import { deliveryStates } from './state-machine.ts';
import { DeliveryView } from './views.ts';

export const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type IdParams = { Params: Static<typeof Id> };

const PartnerIds = Type.Array(Type.String({ format: 'uuid' }), {
  minItems: 1,
  maxItems: 50,
  uniqueItems: true,
});

export const CreateDeliveriesBody = Type.Object(
  {
    partnerIds: PartnerIds,
    kind: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('update'), Type.Literal('takedown')])),
  },
  { additionalProperties: false },
);
export type CreateDeliveriesBody = Static<typeof CreateDeliveriesBody>;

export const DistributeBody = Type.Object({ partnerIds: PartnerIds }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    ...pageQueryProperties(['createdAt'] as const),
    releaseId: Type.Optional(Type.String({ format: 'uuid' })),
    partnerId: Type.Optional(Type.String({ format: 'uuid' })),
    state: Type.Optional(Type.Union(deliveryStates.map((state) => Type.Literal(state)))),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const DeliveryList = Type.Object({
  items: Type.Array(DeliveryView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
