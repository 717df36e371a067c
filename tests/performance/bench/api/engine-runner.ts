// One load run of `npm run bench:api` in its own process, which the bench pins to the load core:
// `node engine-runner.ts '<Drive JSON>'`. It drives one route with the project's load engine (its public
// entry points only), counts every answer whose status is not the expected one, and prints one JSON line.
import { gtinCheckDigit } from '@soundcheck/api/identifiers/gtin.ts';
import { defineScenario, runLoad } from 'soundcheck/load/index.ts';
import type { Drive, Driven } from './drive.ts';

const drive = JSON.parse(process.argv[2] ?? '{}') as Drive;
const headers = drive.token ? { authorization: `Bearer ${drive.token}` } : undefined;
let unexpected = 0;
let unexpectedStatus = 0;

/** A valid EAN-13 no other request of this bench run sends: the run's prefix, the VU, its iteration. */
function upc(vu: number, iteration: number): string {
  const body = `${drive.upcPrefix ?? '90'}${String(vu % 1000).padStart(3, '0')}${String(iteration).padStart(7, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

const scenario = defineScenario({
  name: 'bench-api',
  executor: drive.executor,
  transport: { connections: drive.connections, timeout: '5s' },
  gracefulStop: '2s',
  iteration: async ({ http, vu, iteration }) => {
    const response = drive.body
      ? await http.post(drive.path, { ...drive.body, upc: upc(vu, iteration) }, headers)
      : await http.get(drive.path, headers);
    if (response.status !== drive.expect) {
      unexpected++;
      unexpectedStatus = response.status;
    }
  },
});

const before = process.cpuUsage();
const { summary } = await runLoad(scenario, { target: drive.target, maxDuration: '30m' });
const cpu = process.cpuUsage(before);
const { overall } = summary;
const socketErrors = Object.values(overall.errors.byKind).reduce((sum, n) => sum + n, 0);
const result: Driven = {
  requests: overall.requests,
  rps: overall.throughput,
  p50Ms: overall.corrected.p50,
  p99Ms: overall.corrected.p99,
  serviceP99Ms: overall.service.p99,
  maxMs: overall.corrected.max,
  socketErrors,
  unexpected,
  unexpectedStatus,
  dropped: summary.iterations.dropped,
  loadCpuUs: (cpu.user + cpu.system) / Math.max(1, overall.requests),
  loadCpuShare: (cpu.user + cpu.system) / 1e6 / Math.max(0.001, summary.durationS),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
