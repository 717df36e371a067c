import { Type } from 'typebox';
import { RoleSchema } from '../auth/roles.ts';
import { pageQueryProperties } from '../http/pagination.ts';

const Uuid = Type.String({ format: 'uuid' });
const Password = Type.String({ minLength: 8, maxLength: 256, description: 'At least 8 characters' });

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    password: Password,
    role: RoleSchema,
    labelId: Type.Optional(Uuid),
    partnerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserParams = Type.Object({ id: Uuid });

export const ListUsersQuery = Type.Object(
  {
    ...pageQueryProperties(['createdAt', 'email'] as const),
    labelId: Type.Optional(Uuid),
    role: Type.Optional(RoleSchema),
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: RoleSchema,
  labelId: Type.Union([Uuid, Type.Null()]),
  partnerId: Type.Union([Uuid, Type.Null()]),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const UserPage = Type.Object({
  items: Type.Array(User),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
