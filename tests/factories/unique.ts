import { randomBytes } from 'node:crypto';

// Faker is seeded per test, so two tests (or two files in a black-box run against one deployment) would
// draw the same names; a per-process token plus the factory sequence keeps every value unique.
const processToken = randomBytes(3).toString('hex');

export const uniqueSuffix = (sequence: number): string => `${processToken}${sequence.toString(36)}`;
