import { faker } from '@faker-js/faker';
import { describe, expect, test } from 'vitest';
import { partnerFactory } from '../../factories/partners.ts';

describe('the partner factory', { tags: ['unit', 'delivery'] }, () => {
  // Faker is seeded per test, and a black-box run's tests share one deployment: a test that looked for its
  // refused partner by name in GET /v1/partners found another test's partner of the same drawn name.
  test('two draws from the same seed still name different partners', () => {
    const transport = { kind: 'sftp', host: 'localhost', port: 22, username: 'u', password: 'p', path: 'in' };
    faker.seed(20261204);
    const first = partnerFactory.build({ transport });
    faker.seed(20261204);
    const second = partnerFactory.build({ transport });
    expect(second.name).not.toBe(first.name);
  });
});
