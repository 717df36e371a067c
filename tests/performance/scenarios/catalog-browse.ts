import { defineScenario, journeys } from 'soundcheck/load/index.ts';
import { releaseFactory } from '../../factories/releases.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';
import { castOf, inBatches } from './cast.ts';

interface Catalogue {
  manager: SignedInUser;
  releaseIds: string[];
}

const states = ['draft', 'approved', 'submitted'];

/**
 * Label staff browsing the catalogue: pages of releases (filters, sorts, a second page), a release, its
 * tracks, its history. Weighted as the dashboard is used: lists most, history least.
 */
export default defineScenario<Catalogue>({
  name: 'catalog-browse',
  executor: { type: 'constant-arrival-rate', rate: 5, duration: '30s', maxVUs: 20 },
  async setup({ http, env }) {
    const { manager } = await castOf(http);
    const releases = await inBatches(Number(env.SOUNDCHECK_CATALOG_RELEASES ?? 12), 4, (i) =>
      (i % 3 ? releaseFactory.single() : releaseFactory.ep()).as(http, manager).create(),
    );
    return { manager, releaseIds: releases.map((release) => release.id) };
  },
  iteration: journeys<Catalogue>([
    {
      name: 'list',
      weight: 4,
      async run(ctx, { manager }) {
        const api = ctx.http.as(manager);
        const sort = ctx.pick(['', '&sort=releaseDate', '&sort=title', `&state=${ctx.pick(states)}`]);
        const first = await api.get<{ nextCursor: string | null }>(`/v1/releases?limit=5${sort}`);
        if (first.status !== 200) throw new Error(`GET /v1/releases answered ${first.status}`);
        if (first.body.nextCursor)
          await api.get(`/v1/releases?limit=5${sort}&cursor=${first.body.nextCursor}`);
      },
    },
    {
      name: 'release',
      weight: 3,
      async run(ctx, { manager, releaseIds }) {
        await ctx.http.as(manager).get(`/v1/releases/${ctx.pick(releaseIds)}`);
      },
    },
    {
      name: 'tracks',
      weight: 2,
      async run(ctx, { manager, releaseIds }) {
        await ctx.http.as(manager).get(`/v1/releases/${ctx.pick(releaseIds)}/tracks`);
      },
    },
    {
      name: 'history',
      weight: 1,
      async run(ctx, { manager, releaseIds }) {
        await ctx.http.as(manager).get(`/v1/releases/${ctx.pick(releaseIds)}/history`);
      },
    },
  ]),
  thresholds: { http_req_failed: ['rate<0.01'] },
});
