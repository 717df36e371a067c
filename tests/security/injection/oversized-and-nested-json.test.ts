import { covers } from '../../contract/checklist.ts';
import { releaseBody, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, test } from '../../utils/test.ts';
import {
  confusedTypes,
  deepBodies,
  expectConfusedTypeRefused,
  expectNestingRefusedInBoundedTime,
} from './body-checks.ts';
import { releaseTarget } from './release-target.ts';

// The checks live in body-checks.ts; each-body-check-can-fail.test.ts runs them against planted servers.
describe('huge and deeply nested JSON bodies', {
  tags: ['security', 'catalog'],
  ...covers('security.body-limit-413-readable'),
}, () => {
  test('deep nesting and very wide values are 400 in about the time a flat refusal takes; over the limit is 413', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const { primaryArtistIds: ids } = await releaseFactory.single().as(api, manager).create();
    const target = releaseTarget(api, api.as(manager), ids);
    await expectNestingRefusedInBoundedTime(target, {
      ...deepBodies(target),
      '20,000 artist ids': JSON.stringify({
        ...releaseBody(ids),
        primaryArtistIds: Array(20_000).fill(ids[0]),
      }),
    });
  });
});

describe('content-type confusion', { tags: ['security', 'catalog'] }, () => {
  test.for(confusedTypes)(
    'a release body sent as "%s" is 415 or 400 and creates nothing',
    async ([type, encode], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const { primaryArtistIds } = await releaseFactory.single().as(api, manager).create();
      await expectConfusedTypeRefused(releaseTarget(api, api.as(manager), primaryArtistIds), type, encode);
    },
  );
});
