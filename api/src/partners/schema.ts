import { Type } from 'typebox';
import { pageQueryProperties } from '../http/pagination.ts';

const Uuid = Type.String({ format: 'uuid' });
const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:\\[\\]-]+$' });
const Secret = Type.String({ minLength: 1, maxLength: 16384, writeOnly: true });

export const SftpTransportBody = Type.Object(
  {
    kind: Type.Literal('sftp'),
    host: Host,
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    username: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.Optional(Secret),
    privateKey: Type.Optional(Secret),
    root: Type.String({ minLength: 1, maxLength: 500, pattern: '^/' }),
  },
  { additionalProperties: false },
);

export const S3TransportBody = Type.Object(
  {
    kind: Type.Literal('s3'),
    endpoint: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    bucket: Type.String({ minLength: 3, maxLength: 63, pattern: '^[a-z0-9][a-z0-9.-]+[a-z0-9]$' }),
    prefix: Type.String({ maxLength: 500 }),
    accessKeyId: Type.String({ minLength: 1, maxLength: 200 }),
    secretAccessKey: Type.Optional(Secret),
  },
  { additionalProperties: false },
);

export const TransportBody = Type.Union([SftpTransportBody, S3TransportBody]);

const partnerFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  dpid: Type.String({
    minLength: 18,
    maxLength: 21,
    description: 'DDEX Party ID; the check character is verified',
  }),
  ernVersion: Type.Literal('4.3'),
  profile: Type.Union([Type.Literal('batch'), Type.Literal('release_by_release')]),
  transport: TransportBody,
  leadTimeDays: Type.Integer({ minimum: 0, maximum: 365 }),
  callbackUrl: Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()]),
};

export const CreatePartnerBody = Type.Object(
  { ...partnerFields, callbackUrl: Type.Optional(partnerFields.callbackUrl) },
  { additionalProperties: false },
);

export const UpdatePartnerBody = Type.Partial(Type.Object(partnerFields, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});

export const PartnerParams = Type.Object({ id: Uuid });

export const ListPartnersQuery = Type.Object(pageQueryProperties(['createdAt', 'name'] as const), {
  additionalProperties: false,
});

const Masked = Type.Literal('********');

export const PartnerView = Type.Object({
  id: Uuid,
  name: Type.String(),
  dpid: Type.String(),
  ernVersion: Type.String(),
  profile: Type.String(),
  transport: Type.Optional(
    Type.Union([
      Type.Object({
        kind: Type.Literal('sftp'),
        host: Type.String(),
        port: Type.Integer(),
        username: Type.String(),
        root: Type.String(),
        password: Type.Optional(Masked),
        privateKey: Type.Optional(Masked),
      }),
      Type.Object({
        kind: Type.Literal('s3'),
        endpoint: Type.Union([Type.String(), Type.Null()]),
        bucket: Type.String(),
        prefix: Type.String(),
        accessKeyId: Type.String(),
        secretAccessKey: Masked,
      }),
    ]),
  ),
  leadTimeDays: Type.Integer(),
  callbackUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const CreatedPartner = Type.Intersect([
  PartnerView,
  Type.Object({ callbackSecret: Type.String({ description: 'Returned once; keep it to sign callbacks' }) }),
]);

export const PartnerPage = Type.Object({
  items: Type.Array(PartnerView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const ConnectionReport = Type.Object({
  ok: Type.Boolean(),
  detail: Type.String(),
});
