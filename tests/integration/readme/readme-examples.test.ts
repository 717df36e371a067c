import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sampleFile } from '../../fixtures/sample-files.ts';
import { bareEnv, startApiProcess } from '../../utils/api-process.ts';
import { processTestTimeout } from '../../utils/child.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { commandsOf, promisedOutputs, readmeShellBlocks, repoRoot } from './readme-blocks.ts';
import { unresolved } from './readme-commands.ts';

const blocks = readmeShellBlocks();
/** The curl tour runs for real; every other block's commands are resolved against the project. */
const isTour = (text: string) => text.includes('curl ');
const tour = blocks.find((block) => isTour(block.text));

describe('the README examples', { tags: ['integration', 'ops'] }, () => {
  test.each(blocks.filter((block) => !isTour(block.text)).map((block) => [block.line, block] as const))(
    'the command block at README line %i names only scripts, verbs, options and files that exist',
    async (_line, block) => {
      const problems = [];
      for (const command of commandsOf(block)) {
        const problem = await unresolved(command);
        if (problem) problems.push(`${command.join(' ')}: ${problem}`);
      }
      expect(problems).toEqual([]);
    },
  );

  // The tour starts a real API on a bare environment and runs every curl of the README against it.
  test('the curl tour takes a release from the bootstrap admin to approved', {
    timeout: processTestTimeout(),
  }, async () => {
    expect(tour, 'the README has a curl tour').toBeDefined();
    sampleFile('artwork-3000.png');
    sampleFile('steady-31s-44100-16-stereo.flac');
    const api = await startApiProcess(
      bareEnv({
        BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com',
        BOOTSTRAP_ADMIN_PASSWORD: 'change-me-please',
        PASSWORD_HASH_COST: 'test',
      }),
    );
    try {
      // Any HTTP error fails the tour: curl exits non-zero on 4xx/5xx and the shell stops there.
      const script = `set -eo pipefail\ncurl() { command curl --fail-with-body "$@"; }\n${tour!.text.replaceAll('http://127.0.0.1:3000', api.url)}`;
      const run = await promisify(execFile)('bash', ['-c', script], { cwd: repoRoot });
      expect(run.stderr).toBe('');
      let from = 0;
      for (const promised of promisedOutputs(tour!)) {
        const at = run.stdout.indexOf(JSON.stringify(promised), from);
        expect(
          at,
          `the README promises ${JSON.stringify(promised)}; the tour printed:\n${run.stdout}`,
        ).toBeGreaterThanOrEqual(0);
        from = at;
      }
    } finally {
      await api.stop();
    }
  });
});
