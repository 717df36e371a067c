// Runs one load scenario in its own process (pinned by the bench) and prints its summary and peak RSS
// as JSON: `node engine-runner.ts <target> '<executor JSON>' '<transport JSON>'`.
import { defineScenario, runLoad } from 'soundcheck/load/index.ts';

const [target = '', executorJson = '{}', transportJson = '{}'] = process.argv.slice(2);
const scenario = defineScenario({
  name: 'bench',
  executor: JSON.parse(executorJson),
  transport: JSON.parse(transportJson),
  gracefulStop: '2s',
  iteration: async ({ http }) => {
    await http.get('/');
  },
});
const result = await runLoad(scenario, { target });
process.stdout.write(
  `${JSON.stringify({ summary: result.summary, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
