// Runs autocannon (npm) in its own process (pinned by the bench) and prints its rate, p99 and the CPU
// it spent, as JSON: `node autocannon-runner.ts <url> <connections> <pipelining> <seconds> [requests]`
// (with a request count it sends that many and stops, whatever the seconds).
import { createRequire } from 'node:module';

interface Result {
  requests: { total: number; average: number };
  latency: { p99: number };
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: object) => Promise<Result>;

const [url = '', connections = '50', pipelining = '1', seconds = '5', requests] = process.argv.slice(2);
const before = process.cpuUsage();
const result = await autocannon({
  url,
  connections: Number(connections),
  pipelining: Number(pipelining),
  // A counted run is for callgrind, where everything is ~50× slower: no timeouts then.
  ...(requests ? { amount: Number(requests), timeout: 3600 } : { duration: Number(seconds) }),
});
const cpu = process.cpuUsage(before);
process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    cpuUsPerRequest: (cpu.user + cpu.system) / result.requests.total,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
  })}\n`,
);
