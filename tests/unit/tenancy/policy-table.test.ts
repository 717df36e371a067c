import type { Actor } from '@soundcheck/api/auth/actor.ts';
import { type Role, roles } from '@soundcheck/api/auth/roles.ts';
import { authorize, can, ensureVisible, visibilityFilters } from '@soundcheck/api/policy/authorize.ts';
import { type Condition, conditions, type PolicyResource } from '@soundcheck/api/policy/conditions.ts';
import { type Action, type PolicyRow, policyTable } from '@soundcheck/api/policy/table.ts';
import { describe, expect, test } from 'vitest';

const OWN_LABEL = '01900000-0000-7000-8000-00000000000a';
const OTHER_LABEL = '01900000-0000-7000-8000-00000000000b';
const ACTOR_ID = '01900000-0000-7000-8000-000000000001';
const OTHER_ID = '01900000-0000-7000-8000-000000000002';
const PARTNER = '01900000-0000-7000-8000-0000000000f1';

const actorOf = (role: Role): Actor => ({
  id: ACTOR_ID,
  email: `${role}@soundcheck.test`,
  role,
  labelId: role === 'artist' || role === 'label_manager' ? OWN_LABEL : null,
  partnerId: role === 'partner' ? PARTNER : null,
});

/** Resources that each satisfy a different mix of conditions, from "nothing in common" to "own creation". */
const scenarios: Record<string, PolicyResource> = {
  'another label, another creator': {
    id: OTHER_ID,
    labelId: OTHER_LABEL,
    createdBy: OTHER_ID,
    role: 'artist',
  },
  'own label, another creator': { id: OTHER_ID, labelId: OWN_LABEL, createdBy: OTHER_ID, role: 'artist' },
  'own label, own creation': { id: OTHER_ID, labelId: OWN_LABEL, createdBy: ACTOR_ID, role: 'artist' },
  'own label, a reviewer account': { id: OTHER_ID, labelId: OWN_LABEL, role: 'reviewer' },
  'own label, an admin role to be': { id: OTHER_ID, labelId: OWN_LABEL, role: 'admin' },
  'own account': { id: ACTOR_ID, labelId: OWN_LABEL, role: 'label_manager' },
  'own partner': { id: OTHER_ID, partnerId: PARTNER },
  'another partner': { id: OTHER_ID, partnerId: OTHER_ID },
  'no resource': {},
};

const actions = Object.keys(policyTable) as Action[];
const rowOf = (action: Action): PolicyRow => policyTable[action];

describe('the policy table', { tags: ['unit', 'tenancy'] }, () => {
  // Generated from the table: for every action × role × scenario, `can` grants exactly when one of the
  // conditions the row names holds — and a role absent from the row is refused everywhere.
  for (const action of actions) {
    describe(action, () => {
      for (const role of roles) {
        test(`${role}: allowed exactly where the row's conditions hold`, () => {
          const actor = actorOf(role);
          const named: readonly Condition[] = rowOf(action)[role] ?? [];
          for (const [scenario, resource] of Object.entries(scenarios)) {
            const expected = named.some((name) => conditions[name](actor, resource));
            expect({ scenario, allowed: can(actor, action, resource) }).toEqual({
              scenario,
              allowed: expected,
            });
            if (expected) expect(() => authorize(actor, action, resource)).not.toThrow();
            else
              expect(() => authorize(actor, action, resource)).toThrow(
                expect.objectContaining({ status: 403, code: 'FORBIDDEN' }),
              );
          }
        });
      }
    });
  }

  test('every condition the table names exists, and every row lists only known roles', () => {
    for (const action of actions) {
      for (const [role, named] of Object.entries(rowOf(action))) {
        expect(roles).toContain(role);
        for (const name of named ?? []) expect(Object.keys(conditions)).toContain(name);
      }
    }
  });

  test('only admins create or change labels; no conditional grant reaches into another label', () => {
    for (const role of roles) {
      const actor = actorOf(role);
      expect(can(actor, 'label:create')).toBe(role === 'admin');
      for (const action of actions) {
        if (role === 'admin') continue;
        // Unconditional grants (listing, where the rows are filtered) carry no resource to compare.
        const named: readonly Condition[] = rowOf(action)[role] ?? [];
        if (named.includes('always')) continue;
        const foreign = { id: OTHER_ID, labelId: OTHER_LABEL, createdBy: ACTOR_ID, role: 'artist' as const };
        expect({ action, role, allowed: can(actor, action, foreign) }).toEqual({
          action,
          role,
          allowed: false,
        });
      }
    }
  });

  test('no one may assign their own role, deactivate or delete themselves', () => {
    for (const role of roles) {
      const actor = actorOf(role);
      const self = { id: ACTOR_ID, labelId: actor.labelId, role: 'admin' as const };
      for (const action of ['user:assign-role', 'user:set-active', 'user:delete'] as const) {
        expect({ role, action, allowed: can(actor, action, self) }).toEqual({ role, action, allowed: false });
      }
    }
  });

  test('a label manager may only make artist or label_manager accounts, in their own label', () => {
    const manager = actorOf('label_manager');
    const allowed = roles.filter((role) => can(manager, 'user:create', { labelId: OWN_LABEL, role }));
    expect(allowed).toEqual(['label_manager', 'artist']);
    expect(can(manager, 'user:create', { labelId: OTHER_LABEL, role: 'artist' })).toBe(false);
  });
});

describe('visibility', { tags: ['unit', 'tenancy'] }, () => {
  test('a resource the actor may not read is a 404 with the body of a missing one', () => {
    const manager = actorOf('label_manager');
    const missing = () => ensureVisible(manager, 'label:read', null, 'The label');
    const foreign = () => ensureVisible(manager, 'label:read', { labelId: OTHER_LABEL }, 'The label');
    expect(missing).toThrow(
      expect.objectContaining({ status: 404, code: 'NOT_FOUND', message: 'The label was not found' }),
    );
    expect(foreign).toThrow(
      expect.objectContaining({ status: 404, code: 'NOT_FOUND', message: 'The label was not found' }),
    );
    expect(ensureVisible(manager, 'label:read', { labelId: OWN_LABEL }, 'The label')).toEqual({
      labelId: OWN_LABEL,
    });
  });

  test('list filters follow the read rows: all, own label, own account, or nothing', () => {
    expect(visibilityFilters(actorOf('admin'), 'user:read')).toEqual([{}]);
    expect(visibilityFilters(actorOf('label_manager'), 'user:read')).toEqual([
      { labelId: OWN_LABEL },
      { id: ACTOR_ID },
    ]);
    expect(visibilityFilters(actorOf('artist'), 'user:read')).toEqual([{ id: ACTOR_ID }]);
    expect(visibilityFilters(actorOf('partner'), 'label:read')).toEqual([]);
    expect(visibilityFilters(actorOf('reviewer'), 'label:read')).toEqual([{}]);
  });

  test('every read row can be turned into a list filter for every role', () => {
    for (const action of actions.filter((name) => name.endsWith(':read'))) {
      for (const role of roles) expect(() => visibilityFilters(actorOf(role), action)).not.toThrow();
    }
  });
});
