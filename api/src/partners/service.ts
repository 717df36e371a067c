import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Static } from 'typebox';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/actor.ts';
import type { Orm } from '../db/database.ts';
import { violatedConstraint } from '../db/unique-violation.ts';
import type { Deps } from '../deps.ts';
import { ApiError, type FieldError } from '../http/errors.ts';
import { keyset } from '../http/pagination.ts';
import { checkedDpid } from '../identifiers/dpid.ts';
import { authorize, can, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import { maskedTransport, partnerSecrets } from './credentials.ts';
import { openPartnerTransport } from './open-transport.ts';
import { vetPartnerTargets } from './outbound.ts';
import type { CreatePartnerBody, ListPartnersQuery, TransportBody, UpdatePartnerBody } from './schema.ts';
import { type PartnerRow, partners, type SecretField, type StoredTransport } from './tables.ts';

type TransportInput = Static<typeof TransportBody>;

const invalid = (errors: FieldError[]) =>
  new ApiError('VALIDATION_FAILED', 'The partner is not valid', { errors });

const dpidOf = (raw: string) => checkedDpid(raw, 'The partner is not valid');

/** Splits a transport body into what is stored in clear and the secrets to seal. */
function splitTransport(
  input: TransportInput,
  previous: PartnerRow | null,
): { transport: StoredTransport; secrets: Partial<Record<SecretField, string>>; keep: SecretField[] } {
  const sameKind = previous?.transport.kind === input.kind;
  if (input.kind === 'sftp') {
    if (input.password !== undefined && input.privateKey !== undefined) {
      throw invalid([
        { field: 'transport', code: 'ONE_OF', message: 'send password or privateKey, not both' },
      ]);
    }
    const given: SecretField | null =
      input.password !== undefined ? 'password' : input.privateKey !== undefined ? 'privateKey' : null;
    const previousAuth = previous?.transport.kind === 'sftp' ? previous.transport.auth : null;
    const auth = given ?? (sameKind ? previousAuth : null);
    if (!auth) {
      throw invalid([
        {
          field: 'transport.password',
          code: 'REQUIRED',
          message: 'an SFTP transport needs a password or privateKey',
        },
      ]);
    }
    const { password, privateKey, ...rest } = input;
    const value = auth === 'password' ? password : privateKey;
    return {
      transport: { ...rest, auth },
      secrets: value === undefined ? {} : { [auth]: value },
      keep: value === undefined ? [auth] : [],
    };
  }
  const { secretAccessKey, endpoint, ...rest } = input;
  if (secretAccessKey === undefined && !sameKind) {
    throw invalid([
      {
        field: 'transport.secretAccessKey',
        code: 'REQUIRED',
        message: 'an S3 transport needs secretAccessKey',
      },
    ]);
  }
  return {
    transport: { ...rest, endpoint: endpoint ?? null },
    secrets: secretAccessKey === undefined ? {} : { secretAccessKey },
    keep: secretAccessKey === undefined ? ['secretAccessKey'] : [],
  };
}

/** A partner as `actor` may see it: admins see the transport (secrets masked), others only who it is. */
export function partnerView(row: PartnerRow, actor: Actor) {
  const base = {
    id: row.id,
    name: row.name,
    dpid: row.dpid,
    ernVersion: row.ernVersion,
    profile: row.profile,
    leadTimeDays: row.leadTimeDays,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (!can(actor, 'partner:update', { id: row.id, partnerId: row.id })) return base;
  return { ...base, transport: maskedTransport(row.transport), callbackUrl: row.callbackUrl };
}

const dpidTaken = () => new ApiError('CONFLICT', 'Another partner already has this DPID');
const asResource = (row: PartnerRow) => ({ ...row, partnerId: row.id });

/** One partner by id, or null; `orm` may be a transaction. The one way other modules read partners. */
export async function findPartner(orm: Orm, id: string): Promise<PartnerRow | null> {
  const [row] = await orm.select().from(partners).where(eq(partners.id, id));
  return row ?? null;
}

/** The partners among `ids` that exist, in no particular order. */
export async function findPartners(orm: Orm, ids: readonly string[]): Promise<PartnerRow[]> {
  if (ids.length === 0) return [];
  return orm
    .select()
    .from(partners)
    .where(inArray(partners.id, [...ids]));
}

async function visiblePartner(deps: Deps, actor: Actor, id: string): Promise<PartnerRow> {
  const row = await findPartner(deps.db.orm, id);
  return ensureVisible(actor, 'partner:read', row && asResource(row), 'The partner');
}

const newCallbackSecret = () => randomBytes(32).toString('hex');

export async function createPartner(deps: Deps, actor: Actor, body: Static<typeof CreatePartnerBody>) {
  const dpid = dpidOf(body.dpid);
  authorize(actor, 'partner:create');
  const { transport, secrets } = splitTransport(body.transport, null);
  await vetPartnerTargets(deps.config, transport, body.callbackUrl);
  const id = uuidv7();
  const box = partnerSecrets(deps.config);
  const callbackSecret = newCallbackSecret();
  const now = deps.clock.now();
  try {
    const [row] = await deps.db.orm
      .insert(partners)
      .values({
        id,
        name: body.name,
        dpid,
        ernVersion: body.ernVersion,
        profile: body.profile,
        transport,
        credentials: Object.fromEntries(
          Object.entries(secrets).map(([field, value]) => [field, box.seal(id, field as SecretField, value)]),
        ),
        leadTimeDays: body.leadTimeDays,
        callbackUrl: body.callbackUrl ?? null,
        callbackSecret: box.seal(id, 'callbackSecret', callbackSecret),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { ...partnerView(row as PartnerRow, actor), callbackSecret };
  } catch (error) {
    if (violatedConstraint(error) !== null) throw dpidTaken();
    throw error;
  }
}

export async function listPartners(deps: Deps, actor: Actor, query: Static<typeof ListPartnersQuery>) {
  const page = keyset(
    { id: partners.id, fields: { createdAt: partners.id, name: partners.name }, fallback: 'createdAt' },
    query,
  );
  const visible = visibleWhere(visibilityFilters(actor, 'partner:read'), {
    id: partners.id,
    partnerId: partners.id,
  });
  const rows = await deps.db.orm
    .select()
    .from(partners)
    .where(and(visible, page.after))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const result = page.page(rows, (row) => row.name);
  return { items: result.items.map((row) => partnerView(row, actor)), nextCursor: result.nextCursor };
}

export async function getPartner(deps: Deps, actor: Actor, id: string) {
  return partnerView(await visiblePartner(deps, actor, id), actor);
}

export async function updatePartner(
  deps: Deps,
  actor: Actor,
  id: string,
  body: Static<typeof UpdatePartnerBody>,
) {
  const dpid = body.dpid === undefined ? undefined : dpidOf(body.dpid);
  const current = await visiblePartner(deps, actor, id);
  authorize(actor, 'partner:update', asResource(current));
  const split = body.transport ? splitTransport(body.transport, current) : null;
  await vetPartnerTargets(deps.config, split?.transport, body.callbackUrl);
  const box = partnerSecrets(deps.config);
  const credentials = split
    ? {
        ...Object.fromEntries(split.keep.map((field) => [field, current.credentials[field]])),
        ...Object.fromEntries(
          Object.entries(split.secrets).map(([field, value]) => [
            field,
            box.seal(id, field as SecretField, value),
          ]),
        ),
      }
    : undefined;
  try {
    const [row] = await deps.db.orm
      .update(partners)
      .set({
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(dpid === undefined ? {} : { dpid }),
        ...(body.profile === undefined ? {} : { profile: body.profile }),
        ...(body.leadTimeDays === undefined ? {} : { leadTimeDays: body.leadTimeDays }),
        ...(body.callbackUrl === undefined ? {} : { callbackUrl: body.callbackUrl }),
        ...(split ? { transport: split.transport, credentials } : {}),
        updatedAt: deps.clock.now(),
      })
      .where(eq(partners.id, id))
      .returning();
    return partnerView(row as PartnerRow, actor);
  } catch (error) {
    if (violatedConstraint(error) !== null) throw dpidTaken();
    throw error;
  }
}

/** Connects with the stored credentials and lists the root: `{ ok, detail }`, never the secrets. */
export async function testConnection(deps: Deps, actor: Actor, id: string) {
  const partner = await visiblePartner(deps, actor, id);
  authorize(actor, 'partner:manage', asResource(partner));
  try {
    const transport = await openPartnerTransport(deps.config, partner);
    try {
      const files = await transport.list('');
      return { ok: true, detail: `connected; ${files.length} file(s) at the root` };
    } finally {
      await transport.close();
    }
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

export async function rotateCallbackSecret(deps: Deps, actor: Actor, id: string) {
  const partner = await visiblePartner(deps, actor, id);
  authorize(actor, 'partner:manage', asResource(partner));
  const callbackSecret = newCallbackSecret();
  await deps.db.orm
    .update(partners)
    .set({
      callbackSecret: partnerSecrets(deps.config).seal(id, 'callbackSecret', callbackSecret),
      updatedAt: deps.clock.now(),
    })
    .where(eq(partners.id, id));
  return { callbackSecret };
}
