import { Type } from 'typebox';

/** The roles an account can have (API.md, "Roles and tenancy"); the policy table says what each may do. */
export const roles = ['admin', 'reviewer', 'label_manager', 'artist', 'partner'] as const;
export type Role = (typeof roles)[number];

/** A role in a request or a response: one of `roles`. */
export const RoleSchema = Type.Union(
  roles.map((role) => Type.Literal(role)),
  { description: roles.join(', ') },
);
