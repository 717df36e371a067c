import { faker } from '@faker-js/faker';
import type { Role } from '@soundcheck/api/auth/roles.ts';
import { Factory } from 'fishery';
import { uniqueSuffix } from './unique.ts';

/** The body of `POST /v1/users`. */
export interface UserParams {
  email: string;
  password: string;
  role: Role;
  labelId?: string;
  partnerId?: string;
}

/** Accounts with unique e-mails (on the reserved `.test` domain) and strong passwords; `artist` by default. */
export const userFactory = Factory.define<UserParams>(({ sequence }) => ({
  email: `${
    faker.internet
      .username()
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase() || 'user'
  }.${uniqueSuffix(sequence)}@soundcheck.test`,
  password: faker.internet.password({ length: 16 }),
  role: 'artist',
}));
