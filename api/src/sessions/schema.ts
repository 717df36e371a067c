import { Type } from 'typebox';
import { RoleSchema } from '../auth/roles.ts';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 4096 }) },
  { additionalProperties: false },
);

export const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
});

export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  role: RoleSchema,
  labelId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  partnerId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});

export const SessionEnded = Type.Null({ description: 'The session is ended' });
