import { covers } from '../../contract/checklist.ts';
import { describe } from '../../utils/test.ts';
import { matrixTest } from './actors.ts';
import { cellsOf } from './call.ts';
import { runCell } from './cell.ts';

describe('authorization matrix (partners): every operation × every actor, expected from the policy table', {
  tags: ['security', 'tenancy'],
  ...covers('security.other-label-404-same-body', 'security.401-www-authenticate'),
}, () => {
  // Concurrent: each cell has a partner, release and delivery of its own, and a delivery takes the target's
  // workers a while (black-box, a cell waits for its delivery to settle before it starts).
  matrixTest.concurrent.for(cellsOf('partners'))(
    '%s as %s',
    async ([operation, actor], { api, world, background, blackBox, server }) => {
      const deps = server.inProcess?.deps ?? null;
      await runCell(operation, actor, { api, world, background, blackBox, deps });
    },
  );
});
