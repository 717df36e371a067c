import { CreateArtistBody } from '@soundcheck/api/artists/schema.ts';
import { compileValidator } from '@soundcheck/api/http/validation.ts';
import { CreateReleaseBody, ListReleasesQuery, UpdateReleaseBody } from '@soundcheck/api/releases/schema.ts';
import { RequestChangesBody } from '@soundcheck/api/review/schema.ts';
import { CreateTrackBody } from '@soundcheck/api/tracks/schema.ts';
import { describe, expect, test } from 'vitest';

const body = (schema: object) => compileValidator({ schema, httpPart: 'body' });
const query = (schema: object) => compileValidator({ schema, httpPart: 'querystring' });

const release = {
  title: 'Formidable',
  releaseType: 'single',
  upc: '602537479870',
  primaryArtistIds: ['01900000-0000-7000-8000-000000000001'],
  genre: "Children's Music",
  language: 'fr',
  parentalAdvisory: 'not_explicit',
  pLine: { year: 2013, owner: 'Mosaert' },
  cLine: { year: 2013, owner: 'Mosaert' },
  releaseDate: '2013-06-01',
  territories: { mode: 'include', codes: ['BE', 'FR'] },
};

const track = {
  title: 'Formidable',
  isrc: 'BE-T67-13-00161',
  trackNumber: 1,
  contributors: [{ artistId: '01900000-0000-7000-8000-000000000001', role: 'MainArtist' }],
  parentalAdvisory: 'clean',
};

describe('catalog request schemas', { tags: ['unit', 'catalog'] }, () => {
  test('a complete release body passes as sent (nothing is added or coerced)', () => {
    const validate = body(CreateReleaseBody);
    const copy = structuredClone(release);
    expect(validate(copy)).toBe(true);
    expect(copy).toEqual(release);
  });

  test.each([
    ['a year as a string', { pLine: { year: '2013', owner: 'Mosaert' } }],
    ['a genre outside the list', { genre: 'Chanson' }],
    ['a three-letter language', { language: 'fra' }],
    ['an unknown territory', { territories: { mode: 'include', codes: ['ZZ'] } }],
    ['codes with worldwide', { territories: { mode: 'worldwide', codes: ['FR'] } }],
    ['an unknown property', { state: 'approved' }],
    ['an impossible date', { releaseDate: '2013-02-30' }],
    ['a 14-digit barcode', { upc: '00888072456686' }],
  ])('a release body with %s is refused', (_case, change) => {
    expect(body(CreateReleaseBody)({ ...release, ...change })).toBe(false);
  });

  test('a partial update needs at least one known field', () => {
    const validate = body(UpdateReleaseBody);
    expect(validate({})).toBe(false);
    expect(validate({ title: 'New' })).toBe(true);
    expect(validate({ labelId: release.primaryArtistIds[0] })).toBe(false);
  });

  test('track numbers are integers, never strings; discNumber defaults to 1', () => {
    const validate = body(CreateTrackBody);
    const copy = structuredClone(track);
    expect(validate(copy)).toBe(true);
    expect(copy).toEqual({ ...track, discNumber: 1 });
    expect(validate({ ...track, trackNumber: '1' })).toBe(false);
    expect(validate({ ...track, trackNumber: 0 })).toBe(false);
    expect(validate({ ...track, contributors: [] })).toBe(false);
    expect(validate({ ...track, contributors: [{ ...track.contributors[0], role: 'Singer' }] })).toBe(false);
  });

  test('request-changes needs at least one complete reason', () => {
    const validate = body(RequestChangesBody);
    expect(validate({ reasons: [{ rule: 'M1', message: 'Split the artists' }] })).toBe(true);
    expect(validate({ reasons: [] })).toBe(false);
    expect(validate({ reasons: [{ rule: 'M1' }] })).toBe(false);
  });

  test('artists accept a spaced ISNI up to its display length and 11-digit IPI numbers', () => {
    const validate = body(CreateArtistBody);
    expect(validate({ name: 'Stromae', isni: '0000 0001 2281 955X', ipiNameNumber: '00014107338' })).toBe(
      true,
    );
    expect(validate({ name: 'Stromae', ipiNameNumber: 14107338 })).toBe(false);
    expect(validate({ name: '   ' })).toBe(false);
  });

  test('list queries accept only the documented sorts and a limit of 1 to 100 (default 25)', () => {
    const validate = query(ListReleasesQuery);
    const parsed: Record<string, unknown> = { sort: '-releaseDate' };
    expect(validate(parsed)).toBe(true);
    expect(parsed).toEqual({ sort: '-releaseDate', limit: 25 });
    for (const sort of ['createdAt', '-title', 'releaseDate']) expect(validate({ sort })).toBe(true);
    for (const bad of [
      { sort: 'upc' },
      { sort: '+title' },
      { limit: '0' },
      { limit: '101' },
      { state: 'live2' },
    ]) {
      expect(validate(bad)).toBe(false);
    }
  });
});
