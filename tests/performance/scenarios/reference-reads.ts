import { defineScenario } from 'soundcheck/load/index.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { castOf, inBatches } from './cast.ts';

/**
 * The regression gate's scenario: the hot read path — a release, its tracks, a page of the catalogue —
 * one request at a time. Three endpoints, so ten ABBA pairs can reach significance after Holm's
 * correction (the gate says "inconclusive" when they cannot).
 */
export default defineScenario({
  name: 'reference-reads',
  executor: { type: 'constant-vus', vus: 1, duration: '10s' },
  async setup({ http }) {
    const { manager } = await castOf(http);
    const releases = await inBatches(6, 3, () => releaseFactory.ep().as(http, manager).create());
    return { manager, releaseIds: releases.map((release) => release.id) };
  },
  async iteration(ctx, { manager, releaseIds }) {
    const api = ctx.http.as(manager);
    const id = ctx.pick(releaseIds);
    await api.get(`/v1/releases/${id}`);
    await api.get(`/v1/releases/${id}/tracks`);
    await api.get('/v1/releases?limit=20');
  },
});
