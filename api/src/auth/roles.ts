/** The roles an account can have (API.md, "Roles and tenancy"); the policy table says what each may do. */
export const roles = ['admin', 'reviewer', 'label_manager', 'artist', 'partner'] as const;
export type Role = (typeof roles)[number];
