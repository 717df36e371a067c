import { defineScenario } from 'soundcheck/load/index.ts';
import { releaseFactory } from '../../factories/releases.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';
import { castOf } from './cast.ts';

/**
 * A label manager preparing a release: an artist, the release, its tracks, the artwork and audio uploads
 * (a 33 kB PNG, a 5 kB FLAC per track), then QC validation. Every step through the factories, as in tests.
 */
export default defineScenario<{ manager: SignedInUser }>({
  name: 'release-authoring',
  executor: { type: 'constant-arrival-rate', rate: 1, duration: '30s', maxVUs: 10 },
  async setup({ http }) {
    return { manager: (await castOf(http)).manager };
  },
  async iteration(ctx, { manager }) {
    const factory = ctx.random() < 0.7 ? releaseFactory.single() : releaseFactory.ep();
    const release = await factory.withAssets().as(ctx.http, manager).create();
    const validation = await ctx.http
      .as(manager)
      .post<{ valid: boolean }>(`/v1/releases/${release.id}/validate`);
    if (validation.status !== 200) throw new Error(`validate answered ${validation.status}`);
  },
  thresholds: { http_req_failed: ['rate<0.01'] },
});
