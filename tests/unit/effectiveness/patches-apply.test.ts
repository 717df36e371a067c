import { describe, expect, test } from 'vitest';
import { readPatches, stalePatches } from '../../effectiveness/patched-copy.ts';

const areas = ['auth', 'tenancy', 'validation', 'workflow', 'uploads', 'partners', 'deliveries', 'lookup'];

// `npm run effectiveness` is long; a patch the API changed under is found here, in seconds, instead.
describe('the effectiveness patches', { tags: ['unit'] }, () => {
  test('every patch still applies to api/', () => {
    expect(stalePatches(readPatches())).toEqual([]);
  });

  test('every area of the issue has at least one patch, each with its Bug line', () => {
    const patches = readPatches();
    expect(patches.filter((patch) => !patch.bug || !areas.includes(patch.area))).toEqual([]);
    expect(areas.filter((area) => !patches.some((patch) => patch.area === area))).toEqual([]);
  });
});
