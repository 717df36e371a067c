import { Type } from 'typebox';
import { pageQueryProperties } from '../http/pagination.ts';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Dpid = Type.String({
  minLength: 18,
  maxLength: 21,
  description:
    'DDEX Party ID, e.g. PADPIDA2011072101T or PA-DPIDA-2011072101-T; the check character is verified',
});

export const CreateLabelBody = Type.Object(
  { name: Name, dpid: Type.Optional(Type.Union([Dpid, Type.Null()])) },
  { additionalProperties: false },
);

export const UpdateLabelBody = Type.Object(
  { name: Type.Optional(Name), dpid: Type.Optional(Type.Union([Dpid, Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
);

export const LabelParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const labelSortFields = ['createdAt', 'name'] as const;

export const ListLabelsQuery = Type.Object(pageQueryProperties(labelSortFields), {
  additionalProperties: false,
});

export const Label = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  dpid: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const LabelPage = Type.Object({
  items: Type.Array(Label),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
