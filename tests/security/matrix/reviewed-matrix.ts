import { readFileSync } from 'node:fs';
import type { Actor } from '@soundcheck/api/auth/actor.ts';
import type { PolicyResource } from '@soundcheck/api/policy/conditions.ts';
import { ACTORS, type ActorName, type SignedInActorName } from './actors.ts';
import { callOf, isCreation, isList, matrixRows } from './call.ts';
import { listed, type Outcome, outcomeOf } from './expected-outcome.ts';
import { accountResource, type Kind } from './scenes.ts';

/** The reviewed matrix: generated from the policy table, committed, and read by every cell. */
export const reviewedMatrixFile = new URL('./authorization-matrix.md', import.meta.url);

const account = (
  id: string,
  role: Actor['role'],
  labelId: string | null,
  partnerId: string | null = null,
) => ({
  id,
  email: `${id}@matrix`,
  role,
  labelId,
  partnerId,
});

/** The actors and the owner's resources in symbols: the relations the cells build for real. */
const symbolicActors: Record<SignedInActorName, Actor> = {
  'artist (creator)': account('creator', 'artist', 'own-label'),
  'artist (same label)': account('artist', 'artist', 'own-label'),
  'label_manager (own label)': account('manager', 'label_manager', 'own-label'),
  'label_manager (other label)': account('other-manager', 'label_manager', 'other-label'),
  reviewer: account('reviewer', 'reviewer', null),
  'partner (own)': account('partner', 'partner', null, 'own-partner'),
  'partner (other)': account('other-partner', 'partner', null, 'other-partner'),
  admin: account('admin', 'admin', null),
};
const release = { id: 'release', labelId: 'own-label', createdBy: 'creator' };
const delivery = { id: 'delivery', labelId: 'own-label', partnerId: 'own-partner' };
const symbolicResources: Record<Kind, PolicyResource> = {
  none: {},
  lookup: {},
  label: { id: 'own-label', labelId: 'own-label' },
  user: { id: 'user', labelId: 'own-label', role: 'artist' },
  artist: { id: 'artist', labelId: 'own-label', createdBy: 'creator' },
  release,
  track: release,
  asset: release,
  partner: { id: 'own-partner', partnerId: 'own-partner' },
  delivery,
  callback: delivery,
};
/** What a creation (`POST` on a collection) would create: an artist-role resource of the owners' label. */
export const creationResource = (labelId: string) => ({ labelId, role: 'artist' as const });

/** One cell as the reviewed matrix writes it: the outcome, and for a list whether it shows the resource. */
export function cellText(outcome: Outcome, shows?: boolean): string {
  const text = outcome === 'allowed' ? 'ok' : String(outcome);
  return shows === undefined || outcome !== 'allowed' ? text : `${text}, ${shows ? 'listed' : 'hidden'}`;
}

function derivedCell(row: string, actorName: ActorName): string {
  const call = callOf(row);
  const actor = actorName === 'anonymous' ? null : symbolicActors[actorName];
  const resource = isCreation(call)
    ? creationResource('own-label')
    : call.variant?.ownAccount && actor
      ? accountResource(actor)
      : symbolicResources[call.kind];
  const outcome = outcomeOf(call, actorName, actor, resource);
  return cellText(
    outcome,
    isList(call) && actor ? listed(call, actor, symbolicResources[call.kind]) : undefined,
  );
}

/** The matrix the policy table gives today, as the Markdown table `authorization-matrix.md` holds. */
export function derivedMatrixText(): string {
  const rows = matrixRows().map(
    (row) => `| ${row} | ${ACTORS.map((actor) => derivedCell(row, actor)).join(' | ')} |`,
  );
  return [
    '# Authorization matrix (generated: do not edit by hand)',
    '',
    'Every operation of `/openapi.json` × every actor, as `api/src/policy/table.ts` and the visibility rules',
    'give it (`tests/security/matrix/reviewed-matrix.ts`). `ok`: the call goes through (any status but',
    '401/403/404); `401`/`403`/`404`: the refusal; a list says whether it shows the owner’s resource.',
    'A row with more than an operation (`tests/security/matrix/variant-rows.ts`) sends that body, or acts on the',
    'caller’s own account (a fresh one of the actor’s role, label and partner).',
    'A policy change shows here as a diff to review: `npx vitest run tests/security/matrix -u` rewrites it.',
    '',
    `| operation | ${ACTORS.join(' | ')} |`,
    `|---|${ACTORS.map(() => '---').join('|')}|`,
    ...rows,
    '',
  ].join('\n');
}

/** The committed matrix, cell by cell: `reviewed[operation][actor]`. */
export function reviewedMatrix(): Record<string, Record<string, string>> {
  const table: Record<string, Record<string, string>> = {};
  for (const line of readFileSync(reviewedMatrixFile, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, operation = '', ...outcomes] = cells;
    if (!/^[A-Z]+ \//.test(operation)) continue;
    table[operation] = Object.fromEntries(ACTORS.map((actor, i) => [actor, outcomes[i] ?? '']));
  }
  return table;
}
