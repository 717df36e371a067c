import { covers } from '../../contract/checklist.ts';
import { describe } from '../../utils/test.ts';
import { matrixTest } from './actors.ts';
import { cellsOf, type Group } from './call.ts';
import { runCell } from './cell.ts';

/**
 * Every operation of /openapi.json × every actor, one test per cell, expected from the policy table
 * (`authorization-matrix.md`). One file, so the cells share one app, database and set of accounts.
 */
const groups: Array<{ group: Group; concurrent: boolean }> = [
  { group: 'platform', concurrent: false },
  { group: 'catalog', concurrent: false },
  { group: 'workflow', concurrent: false },
  // Each partner cell has a partner, release and delivery of its own; a delivery takes the target's workers
  // a while (black-box, a cell waits for its delivery to settle), so these run side by side.
  { group: 'partners', concurrent: true },
];

for (const { group, concurrent } of groups)
  describe(`authorization matrix (${group}): every operation × every actor, expected from the policy table`, {
    tags: ['security', 'tenancy'],
    ...covers('security.other-label-404-same-body', 'security.401-www-authenticate'),
  }, () => {
    (concurrent ? matrixTest.concurrent : matrixTest).for(cellsOf(group))(
      '%s as %s',
      async ([operation, actor], { api, world, background, blackBox, server }) => {
        const deps = server.inProcess?.deps ?? null;
        await runCell(operation, actor, { api, world, background, blackBox, deps });
      },
    );
  });
