import { deliveryStates } from '@soundcheck/api/deliveries/state-machine.ts';
import {
  contributorRoles,
  genres,
  languageCodes,
  parentalAdvisories,
  releaseTypes,
} from '@soundcheck/api/vocabulary/catalog.ts';
import { readDocument, type Schema } from 'soundcheck/fuzz/spec.ts';
import { releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** The values a schema admits when it is a vocabulary: `enum`, `const`, or a union of those. */
function vocabulary(schema: Schema | undefined): unknown[] | null {
  if (!schema) return null;
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (!Array.isArray(branches)) return null;
  const parts = branches.filter((branch) => branch.type !== 'null').map(vocabulary);
  return parts.every((part) => part !== null) ? parts.flat() : null;
}

const at = (schema: Schema | undefined, ...path: string[]): Schema | undefined =>
  path.reduce<Schema | undefined>((node, key) => {
    const properties = node?.properties as Record<string, Schema> | undefined;
    return key === '[]' ? (node?.items as Schema | undefined) : properties?.[key];
  }, schema);

const sorted = (values: readonly unknown[] | null) => (values ? [...values].map(String).sort() : values);

// The fuzzer trusts /openapi.json, so the spec must carry API.md's vocabularies: the release `language`
// was a pattern that let "xx" through and the track `language` was unconstrained.
describe('every vocabulary API.md names is an enum in the spec, equal to the code list', {
  tags: ['integration', 'ops'],
}, () => {
  test('genres, languages, contributor roles, parental advisory, release types, transport and delivery kinds, delivery states', async ({
    api,
    app,
  }) => {
    expect(app).toBeDefined();
    const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
    const body = (id: string) => operations.find((op) => op.id === id)?.body?.schema;
    const query = (id: string, name: string) =>
      operations.find((op) => op.id === id)?.parameters.find((p) => p.name === name)?.schema;
    const release = body('POST /v1/releases');
    const track = body('POST /v1/releases/{id}/tracks');
    const transports =
      (at(body('POST /v1/partners'), 'transport')?.anyOf as Schema[] | undefined)?.map((branch) =>
        at(branch, 'kind'),
      ) ?? [];
    const found = {
      genre: sorted(vocabulary(at(release, 'genre'))),
      releaseLanguage: sorted(vocabulary(at(release, 'language'))),
      trackLanguage: sorted(vocabulary(at(track, 'language'))),
      contributorRole: sorted(vocabulary(at(track, 'contributors', '[]', 'role'))),
      releaseAdvisory: sorted(vocabulary(at(release, 'parentalAdvisory'))),
      trackAdvisory: sorted(vocabulary(at(track, 'parentalAdvisory'))),
      releaseType: sorted(vocabulary(at(release, 'releaseType'))),
      transportKind: sorted(transports.flatMap((kind) => vocabulary(kind) ?? [])),
      deliveryKind: sorted(vocabulary(at(body('POST /v1/releases/{id}/deliveries'), 'kind'))),
      deliveryState: sorted(vocabulary(query('GET /v1/deliveries', 'state'))),
    };
    expect(found).toEqual({
      genre: sorted(genres),
      releaseLanguage: sorted(languageCodes),
      trackLanguage: sorted(languageCodes),
      contributorRole: sorted(contributorRoles),
      releaseAdvisory: sorted(parentalAdvisories),
      trackAdvisory: sorted(parentalAdvisories),
      releaseType: sorted(releaseTypes),
      // API.md, "Partners": SFTP or S3; deliveries are new, update or takedown.
      transportKind: ['s3', 'sftp'],
      deliveryKind: ['new', 'takedown', 'update'],
      deliveryState: sorted(deliveryStates),
    });
  });

  test('a language that is no ISO 639-1 code is 400 on the field, for a release and a track alike', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const artistId = release.primaryArtistIds[0] ?? '';
    const refusals = [
      await api.as(manager).post('/v1/releases', releaseBody(release.primaryArtistIds, { language: 'xx' })),
      await api
        .as(manager)
        .post(`/v1/releases/${release.id}/tracks`, { ...trackBody(artistId, 2), language: 'xx' }),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'language' })],
      });
    }
  });
});
