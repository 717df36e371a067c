// Runs one load scenario in its own process (pinned by the bench) and prints its summary and peak RSS
// and the CPU it spent per request as JSON: `node engine-runner.ts <target> '<executor JSON>' '<transport JSON>'`.
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
const before = process.cpuUsage();
const result = await runLoad(scenario, { target });
const cpu = process.cpuUsage(before);
const cpuUsPerRequest = (cpu.user + cpu.system) / Math.max(1, result.summary.overall.requests);
const peakActive = Math.max(0, ...result.timeSeries.map((point) => point.activeVUs));
const maxRssMb = process.resourceUsage().maxRSS / 1024;
// What the run still holds once garbage is collected (the bench runs this with --expose-gc).
(globalThis as { gc?: () => void }).gc?.();
const heapAfterGcMb = process.memoryUsage().heapUsed / 1024 / 1024;
process.stdout.write(
  `${JSON.stringify({ summary: result.summary, maxRssMb, heapAfterGcMb, cpuUsPerRequest, peakActive })}\n`,
);
