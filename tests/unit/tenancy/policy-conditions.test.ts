import type { Actor } from '@soundcheck/api/auth/actor.ts';
import { authorize, visibilityFilters } from '@soundcheck/api/policy/authorize.ts';
import { type Condition, conditions, type PolicyResource } from '@soundcheck/api/policy/conditions.ts';
import { type Action, policyTable } from '@soundcheck/api/policy/table.ts';
import { actionEvents } from '@soundcheck/api/workflow/release-workflow.ts';
import { describe, expect, test } from 'vitest';
import machines from '../../fixtures/workflow/state_machines.json' with { type: 'json' };

const OWN_LABEL = '01900000-0000-7000-8000-00000000000a';
const OTHER_LABEL = '01900000-0000-7000-8000-00000000000b';
const ME = '01900000-0000-7000-8000-000000000001';
const SOMEONE = '01900000-0000-7000-8000-000000000002';
const PARTNER = '01900000-0000-7000-8000-0000000000f1';

const manager: Actor = {
  id: ME,
  email: 'm@x.test',
  role: 'label_manager',
  labelId: OWN_LABEL,
  partnerId: null,
};
const reviewer: Actor = { id: ME, email: 'r@x.test', role: 'reviewer', labelId: null, partnerId: null };
const partner: Actor = { id: ME, email: 'p@x.test', role: 'partner', labelId: null, partnerId: PARTNER };

// Each condition against resources chosen to tell it from its neighbours; the expected answers are written
// out by hand from the conditions' definitions (API.md, "Roles and tenancy"), not computed by them.
const cases: Array<[Condition, Actor, PolicyResource, boolean]> = [
  ['ownLabel', manager, { labelId: OWN_LABEL }, true],
  ['ownLabel', manager, { labelId: OTHER_LABEL }, false],
  ['ownLabel', reviewer, { labelId: null }, false],
  ['ownCreation', manager, { labelId: OWN_LABEL, createdBy: ME }, true],
  ['ownCreation', manager, { labelId: OWN_LABEL, createdBy: SOMEONE }, false],
  ['ownCreation', manager, { labelId: OTHER_LABEL, createdBy: ME }, false],
  ['self', manager, { id: ME }, true],
  ['self', manager, { id: SOMEONE }, false],
  ['otherUser', manager, { id: SOMEONE }, true],
  ['otherUser', manager, { id: ME }, false],
  ['otherUser', manager, {}, false],
  ['ownLabelMember', manager, { labelId: OWN_LABEL, role: 'artist' }, true],
  ['ownLabelMember', manager, { labelId: OWN_LABEL, role: 'label_manager' }, true],
  ['ownLabelMember', manager, { labelId: OWN_LABEL, role: 'reviewer' }, false],
  ['ownLabelMember', manager, { labelId: OTHER_LABEL, role: 'artist' }, false],
  ['otherOwnLabelMember', manager, { id: SOMEONE, labelId: OWN_LABEL, role: 'artist' }, true],
  ['otherOwnLabelMember', manager, { id: ME, labelId: OWN_LABEL, role: 'label_manager' }, false],
  ['otherOwnLabelMember', manager, { labelId: OWN_LABEL, role: 'artist' }, false],
  ['otherOwnLabelMember', manager, { id: SOMEONE, labelId: OWN_LABEL, role: 'admin' }, false],
  ['ownPartner', partner, { partnerId: PARTNER }, true],
  ['ownPartner', partner, { partnerId: SOMEONE }, false],
  ['ownPartner', reviewer, { partnerId: null }, false],
];

describe('policy conditions', { tags: ['unit', 'tenancy'] }, () => {
  test.each(cases)('%s for a %o on %o is %s', (name, actor, resource, expected) => {
    expect(conditions[name](actor, resource)).toBe(expected);
  });

  test('a refusal says which role may not do what', () => {
    expect(() => authorize(reviewer, 'label:create')).toThrow(
      'Your role (reviewer) may not label create here',
    );
  });

  test('list filters for own creations, own partner, and a label role that has no label', () => {
    const artist: Actor = { ...manager, role: 'artist' };
    expect(visibilityFilters(artist, 'release:read')).toEqual([{ labelId: OWN_LABEL, createdBy: ME }]);
    expect(visibilityFilters({ ...artist, labelId: null }, 'release:read')).toEqual([]);
    expect(visibilityFilters({ ...manager, labelId: null }, 'release:read')).toEqual([]);
    expect(visibilityFilters(partner, 'partner:read')).toEqual([{ partnerId: PARTNER }]);
    expect(visibilityFilters({ ...partner, partnerId: null }, 'partner:read')).toEqual([]);
  });

  test.each([
    ['user:assign-role', 'otherUser'],
    ['user:create', 'ownLabelMember'],
    ['user:set-active', 'otherOwnLabelMember'],
  ] as const)('%s cannot become a list filter: %s decides on one account only', (action, condition) => {
    const admin: Actor = { ...reviewer, role: 'admin' };
    const actor = condition === 'otherUser' ? admin : manager;
    expect(() => visibilityFilters(actor, action)).toThrow(
      `condition ${condition} cannot decide visibility; use it on acting rows only`,
    );
  });

  test('workflow rows grant exactly the actors of state_machines.json: creator on own creations, label manager on own label', () => {
    const grant: Record<string, [string, Condition]> = {
      'artist (creator)': ['artist', 'ownCreation'],
      label_manager: ['label_manager', 'ownLabel'],
      reviewer: ['reviewer', 'always'],
      admin: ['admin', 'always'],
    };
    for (const [action, event] of Object.entries(actionEvents)) {
      const transition = machines.release.transitions.find((t) => t.event === event);
      const people = (transition?.actors ?? []).filter((actor) => actor !== 'system');
      const expected = Object.fromEntries(people.map((person) => [grant[person]?.[0], [grant[person]?.[1]]]));
      expect({ action, row: policyTable[`release:${action}` as Action] }).toEqual({ action, row: expected });
    }
  });
});
