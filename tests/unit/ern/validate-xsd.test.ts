import { readFileSync } from 'node:fs';
import { validateErn, validateErnMany } from '@soundcheck/api/ern/validate-xsd.ts';
import { describe, expect, test } from 'vitest';

const sample = (name: string) =>
  readFileSync(new URL(`../../fixtures/ddex/${name}`, import.meta.url), 'utf8');
const single = sample('ern43_single_minimal.xml');

describe('ERN 4.3 XSD validation', { tags: ['unit', 'delivery'] }, () => {
  test.each(['ern43_single_minimal.xml', 'ern43_takedown_no_deals.xml', 'ern43_purge_release.xml'])(
    'the DDEX sample %s validates',
    async (name) => {
      expect(await validateErn(sample(name))).toEqual({ valid: true, errors: [] });
    },
  );

  test.each([
    ['ReleaseType=LP', single.replace('<ReleaseType>Single<', '<ReleaseType>LP<'), "Element 'ReleaseType'"],
    [
      'CommercialModelType=Subscription',
      single.replace('>SubscriptionModel<', '>Subscription<'),
      "Element 'CommercialModelType'",
    ],
    ['a Release without Genre', single.replace('<Genre><GenreText>Pop</GenreText></Genre>', ''), 'Genre'],
    ['malformed XML', single.slice(0, 400), 'line'],
  ])('%s is rejected with the line and the element at fault', async (_case, xml, mention) => {
    const result = await validateErn(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.join('\n')).toContain(mention);
    expect(result.errors[0]).toMatch(/^line \d+: /);
  });

  test('validating many messages at once attributes each error to its own message', async () => {
    const broken = single.replace('<ReleaseType>Single<', '<ReleaseType>LP<');
    const results = await validateErnMany([single, broken, single]);
    expect(results.map((result) => result.valid)).toEqual([true, false, true]);
    expect(results[1]!.errors).toHaveLength(1);
  });
});
