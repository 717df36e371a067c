import type { Role } from './roles.ts';

/** The signed-in user a request acts as, read fresh from the database on every request. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  labelId: string | null;
  partnerId: string | null;
}
