import { faker } from '@faker-js/faker';
import type { Role } from '@soundcheck/api/auth/roles.ts';
import type { Label as LabelSchema } from '@soundcheck/api/labels/schema.ts';
import type { Me as MeSchema, TokenPair } from '@soundcheck/api/sessions/schema.ts';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { Static } from 'typebox';
import { expectStatus } from './expect-status.ts';
import { type LabelParams, labelFactory } from './labels.ts';
import { userFactory } from './users.ts';

export type Label = Static<typeof LabelSchema>;

type Me = Static<typeof MeSchema>;

/** A signed-in account as tests use it: `api.as(user)`. `GET /v1/me`, its password and its tokens. */
export type SignedInUser = Me & { password: string; accessToken: string; refreshToken: string };

type Tokens = Static<typeof TokenPair>;

/** Signs in through the API and reads `/v1/me`. */
export async function signIn(api: ApiClient, email: string, password: string): Promise<SignedInUser> {
  const tokens = expectStatus(
    await api.post<Tokens>('/v1/auth/login', { email, password }),
    200,
    `login as ${email}`,
  );
  const me = expectStatus(await api.as(tokens).get<Me>('/v1/me'), 200, 'GET /v1/me');
  return { ...me, password, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}

/** Creates a label through the API as `admin`. */
export async function createLabel(
  api: ApiClient,
  admin: SignedInUser,
  params: Partial<LabelParams> = {},
): Promise<Label> {
  return expectStatus(
    await api.as(admin).post<Label>('/v1/labels', labelFactory.build(params)),
    201,
    'POST /v1/labels',
  );
}

export interface SignedInOptions {
  role: Role;
  /** The label of a label role; a fresh label by default. */
  labelId?: string;
  /** The partner a `partner` account is bound to; a random id by default. */
  partnerId?: string;
  /** Who creates the account: the admin by default (a label manager for its own label works too). */
  creator?: SignedInUser;
}

/**
 * A new account of `role`, created and signed in through the API (one path, in-process and black-box):
 * label roles in a fresh label of their own unless `labelId` is given, partner accounts bound to
 * `partnerId` (a random id by default).
 */
export async function signedIn(
  api: ApiClient,
  admin: SignedInUser,
  options: SignedInOptions,
): Promise<SignedInUser> {
  const { role } = options;
  const labelRole = role === 'artist' || role === 'label_manager';
  const labelId = labelRole ? (options.labelId ?? (await createLabel(api, admin)).id) : undefined;
  const params = userFactory.build({
    role,
    ...(labelId ? { labelId } : {}),
    ...(role === 'partner' ? { partnerId: options.partnerId ?? faker.string.uuid() } : {}),
  });
  expectStatus(
    await api.as(options.creator ?? admin).post('/v1/users', params),
    201,
    `POST /v1/users (${role})`,
  );
  return signIn(api, params.email, params.password);
}
