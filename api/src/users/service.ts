import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';
import type { Deps } from '../deps.ts';
import { ApiError, type FieldError } from '../http/errors.ts';
import { keyset } from '../http/pagination.ts';
import { findLabel } from '../labels/repository.ts';
import { authorize, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import { hashPassword } from './passwords.ts';
import {
  findUserById,
  insertUser,
  listUserRows,
  softDeleteUser,
  type UserChanges,
  type UserRow,
  updateUser,
} from './repository.ts';
import type { ListUsersQuery } from './schema.ts';
import { users } from './tables.ts';

const labelRoles: readonly Role[] = ['label_manager', 'artist'];

const invalid = (errors: FieldError[]) =>
  new ApiError('VALIDATION_FAILED', 'The body does not fit the role', { errors });

export interface CreateUserInput {
  email: string;
  password: string;
  role: Role;
  labelId?: string | undefined;
  partnerId?: string | undefined;
}

/** Label roles need a label (a manager's own by default), partner accounts a partner, others neither. */
function scopeOf(actor: Actor, input: CreateUserInput): { labelId: string | null; partnerId: string | null } {
  const needsLabel = labelRoles.includes(input.role);
  const labelId = needsLabel ? (input.labelId ?? (actor.role === 'admin' ? null : actor.labelId)) : null;
  const errors: FieldError[] = [];
  if (needsLabel && !labelId)
    errors.push({ field: 'labelId', code: 'REQUIRED', message: `labelId is required for ${input.role}` });
  if (!needsLabel && input.labelId !== undefined)
    errors.push({ field: 'labelId', code: 'NOT_ALLOWED', message: `a ${input.role} has no label` });
  if (input.role === 'partner' && input.partnerId === undefined)
    errors.push({ field: 'partnerId', code: 'REQUIRED', message: 'partnerId is required for partner' });
  if (input.role !== 'partner' && input.partnerId !== undefined)
    errors.push({ field: 'partnerId', code: 'NOT_ALLOWED', message: `a ${input.role} has no partner` });
  if (errors.length) throw invalid(errors);
  return { labelId, partnerId: input.partnerId ?? null };
}

/** POST /v1/users: 400 (shape) → 403 (role, label) → 400 (unknown label) → 409 (e-mail taken). */
export async function createUser(deps: Deps, actor: Actor, input: CreateUserInput): Promise<UserRow> {
  const { labelId, partnerId } = scopeOf(actor, input);
  authorize(actor, 'user:create', { labelId, role: input.role });
  if (labelId && !(await findLabel(deps.db, labelId))) {
    throw invalid([{ field: 'labelId', code: 'UNKNOWN_REFERENCE', message: 'labelId names no label' }]);
  }
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashCost);
  const user = await insertUser(deps.db, {
    email: input.email,
    passwordHash,
    role: input.role,
    labelId,
    partnerId,
  });
  if (!user) throw new ApiError('CONFLICT', 'An account with this e-mail already exists');
  return user;
}

const asResource = (user: UserRow) => ({ ...user, id: user.id, labelId: user.labelId, role: user.role });

/** A user the actor may see, else 404 exactly as for a missing one. */
export async function visibleUser(deps: Deps, actor: Actor, id: string): Promise<UserRow> {
  const user = await findUserById(deps.db, id);
  return ensureVisible(actor, 'user:read', user && asResource(user), 'The user');
}

export interface UpdateUserInput {
  role?: Role | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

/**
 * PATCH /v1/users/{id}. Each change is its own policy action: no one assigns their own role or flips their
 * own active flag, and a manager only assigns `artist`/`label_manager` within their label.
 */
export async function changeUser(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
): Promise<UserRow> {
  const target = await visibleUser(deps, actor, id);
  authorize(actor, 'user:update', asResource(target));
  if (input.role !== undefined)
    authorize(actor, 'user:assign-role', { ...asResource(target), role: input.role });
  if (input.active !== undefined) authorize(actor, 'user:set-active', asResource(target));
  if (input.role !== undefined && input.role !== target.role) assertRoleFits(target, input.role);
  const changes: UserChanges = {
    ...(input.role === undefined ? {} : { role: input.role }),
    ...(input.active === undefined ? {} : { active: input.active }),
    ...(input.password === undefined
      ? {}
      : { passwordHash: await hashPassword(input.password, deps.config.passwordHashCost) }),
  };
  return updateUser(deps.db, target.id, changes, deps.clock.now());
}

/** A role change must fit the account's scope: label roles need a label, partner accounts a partner. */
function assertRoleFits(target: UserRow, role: Role): void {
  const missing =
    (labelRoles.includes(role) && !target.labelId && 'a label') ||
    (role === 'partner' && !target.partnerId && 'a partner');
  if (missing) {
    throw new ApiError(
      'BUSINESS_RULE_VIOLATED',
      `The account has no ${missing.slice(2)}; it cannot become ${role}`,
      {
        errors: [{ field: 'role', code: 'SCOPE_MISSING', message: `${role} needs ${missing}` }],
      },
    );
  }
}

/** DELETE /v1/users/{id}: retires the account (it stays referenced by what it made). */
export async function deleteUser(deps: Deps, actor: Actor, id: string): Promise<void> {
  const target = await visibleUser(deps, actor, id);
  authorize(actor, 'user:delete', asResource(target));
  await softDeleteUser(deps.db, target.id, deps.clock.now());
}

/** The accounts `actor` manages, filtered by label and role, one keyset page at a time. */
export async function listUsers(deps: Pick<Deps, 'db'>, actor: Actor, query: Static<typeof ListUsersQuery>) {
  authorize(actor, 'user:list');
  const { labelId, role } = query;
  const page = keyset(
    { id: users.id, fields: { createdAt: users.id, email: users.email }, fallback: 'createdAt' },
    query,
  );
  const rows = await listUserRows(
    deps.db,
    [
      visibleWhere(visibilityFilters(actor, 'user:read'), { id: users.id, labelId: users.labelId }),
      labelId ? eq(users.labelId, labelId) : undefined,
      role ? eq(users.role, role) : undefined,
      page.after,
    ],
    page.orderBy,
    page.fetch,
  );
  return page.page(rows, (row) => row.email);
}
