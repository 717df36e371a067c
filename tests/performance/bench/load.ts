// `npm run bench:load`: the load engine beside autocannon (npm) and wrk (Debian), the target pinned to
// core 0 and every generator to core 1 (taskset). Four figures, each beside its reference:
// 1. throughput (max-throughput vs autocannon and wrk), 2. p99 under a 200 ms stall every 2 s (vs the
// schedule's true p99 and wrk; uncorrected and autocannon beside), 3. rate accuracy at 5,000/s and the
// dropped count against a target that cannot keep up, 4. peak RSS of a 60 s run vs a 10 s run.
// Throughput is judged by the median of several rounds' ratios (the first tool alternating), with CPU per
// request beside it: one round against autocannon swung from 1.14× to 0.55× on the shared machine; and
// instructions per request under callgrind (when valgrind is installed), which do not move at all. Every
// wall-clock figure carries the load average. Memory is judged on peak RSS as before; the engine process
// runs as `soundcheck load` does, young generation capped (bin/soundcheck.js): uncapped, V8 grew it
// partway through a long run when the machine was busy (8 → 16 MB at load 14), a 10 s run's never.
// `npm run bench:load -- --quick` (or BENCH_LOAD_QUICK=1) shortens every run: a smoke, not for quoting.
import { loadavg } from 'node:os';
import { haveCallgrind, instructionsPerRequest } from './load/instructions.ts';
import { autocannon, engine, stallTrueP99, startTarget, wrk } from './load/tools.ts';

const quick = process.argv.includes('--quick') || process.env.BENCH_LOAD_QUICK === '1';
const seconds = {
  throughput: quick ? 3 : 5,
  stall: quick ? 6 : 20,
  rate: quick ? 4 : 10,
  long: quick ? 20 : 60,
  short: quick ? 5 : 10,
};
const ratio = (value: number, reference: number) => `${(value / reference).toFixed(2)}×`;
const fixed = (value: number) => value.toFixed(1);
const print = (line: string) => console.log(line);
const rounds = quick ? 3 : 5;
/** The machine's 1-minute load average: other work on the two cores moves every wall-clock figure. */
const machine = () => `[load ${loadavg()[0]?.toFixed(2)}]`;
/** `median× (min–max×)` of ratios. */
function spread(ratios: number[]): string {
  const sorted = [...ratios].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return `median ${median.toFixed(2)}× (range ${sorted[0]?.toFixed(2)}–${sorted.at(-1)?.toFixed(2)}×, ${sorted.length} rounds)`;
}

print('bench:load — read the ratios: every figure is measured beside its reference in this run');

{
  const target = await startTarget('ok');
  const connections = 50;
  print(
    `\n1. throughput: max-throughput, ${connections} connections, pipelining 1, for soundcheck, autocannon and wrk alike; ${seconds.throughput} s each, ${rounds} rounds, the first tool alternating`,
  );
  print(
    "   judged: the median of the rounds' ratios, with their range; CPU per request (user + system, µs) beside it",
  );
  const rates: number[] = [];
  const cpus: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const ourRun = () =>
      engine(target.url, { type: 'max-throughput', duration: `${seconds.throughput}s` }, { connections });
    const acRun = () => autocannon(target.url, connections, seconds.throughput);
    const ours = round % 2 === 1 ? await ourRun() : null;
    const ac = await acRun();
    const second = ours ?? (await ourRun());
    const w = await wrk(target.url, connections, seconds.throughput);
    const rps = second.summary.overall.throughput;
    rates.push(rps / ac.rps);
    cpus.push(second.cpuUsPerRequest / ac.cpuUsPerRequest);
    print(
      `   round ${round}${round % 2 === 1 ? ' (soundcheck first)' : ' (autocannon first)'}: soundcheck ${fixed(rps)} req/s | autocannon ${fixed(ac.rps)} (${ratio(rps, ac.rps)}) | wrk ${fixed(w.rps)} (ceiling; ${ratio(rps, w.rps)}) ${machine()}`,
    );
    print(
      `      CPU µs/request: soundcheck ${fixed(second.cpuUsPerRequest)} | autocannon ${fixed(ac.cpuUsPerRequest)} (${ratio(second.cpuUsPerRequest, ac.cpuUsPerRequest)}) | wrk ${fixed(w.cpuUsPerRequest)}`,
    );
  }
  print(
    `   soundcheck / autocannon: rate ${spread(rates)} (goal ≥ 1.00×), CPU per request ${spread(cpus)} (lower is better)`,
  );
  if (process.env.BENCH_LOAD_INSTRUCTIONS !== '0' && (await haveCallgrind())) {
    const [small, large] = quick ? [2000, 6000] : [10_000, 30_000];
    print(
      `   instructions per request under callgrind (${large} − ${small} requests; the same whatever the machine's load, user space only) …`,
    );
    const counts = await instructionsPerRequest(target.url, small, large);
    const ours = counts.soundcheck ?? Number.NaN;
    const theirs = counts.autocannon ?? Number.NaN;
    print(
      `   instructions/request: soundcheck ${Math.round(ours)} | autocannon ${Math.round(theirs)} (${ratio(ours, theirs)}; lower is better)`,
    );
  }
  target.stop();
}

{
  const target = await startTarget('stall');
  const rate = 1000;
  const truth = stallTrueP99(rate);
  print(
    `\n2. stall of 200 ms every 2 s, ${rate}/s for ${seconds.stall} s; true p99 from the schedule ${fixed(truth)} ms`,
  );
  const connections = 100;
  const ours = await engine(
    target.url,
    { type: 'constant-arrival-rate', rate, duration: `${seconds.stall}s`, maxVUs: 1000 },
    { connections },
  );
  const atTarget = await target.late();
  const w = await wrk(target.url, connections, seconds.stall);
  const ac = await autocannon(target.url, connections, seconds.stall);
  const { corrected, service } = ours.summary.overall;
  print(
    `   soundcheck corrected p99 ${fixed(corrected.p99)} ms (${ratio(corrected.p99, truth)} of true, ${ratio(corrected.p99, w.p99Ms)} of wrk) ${machine()}`,
  );
  print(`   wrk p99 ${fixed(w.p99Ms)} ms (${ratio(w.p99Ms, truth)} of true)`);
  print(
    `   without correction: soundcheck service-time p99 ${fixed(service.p99)} ms, autocannon p99 ${fixed(ac.p99Ms)} ms`,
  );
  print(
    `   the target's own share: during soundcheck's run its held answers left p50 ${fixed(atTarget.p50)} / p99 ${fixed(atTarget.p99)} / max ${fixed(atTarget.max)} ms after the window ended (the true p99 assumes 0)`,
  );
  print(
    `   (soundcheck: ${ours.summary.iterations.started} started, ${ours.summary.iterations.dropped} dropped, at most ${ours.peakActive} in flight on ${connections} connections; a stall holds rate × 200 ms = ${rate / 5})`,
  );
  target.stop();
}

{
  const target = await startTarget('ok');
  const rate = 5000;
  print(`\n3. rate accuracy: ${rate}/s for ${seconds.rate} s against a target that keeps up`);
  const ours = await engine(
    target.url,
    { type: 'constant-arrival-rate', rate, duration: `${seconds.rate}s`, maxVUs: 2000 },
    { connections: 256 },
  );
  const { achievedRate, iterations } = ours.summary;
  print(
    `   achieved ${fixed(achievedRate)}/s of ${rate}/s (${ratio(achievedRate, rate)}), ${iterations.dropped} dropped, corrected p99 ${fixed(ours.summary.overall.corrected.p99)} ms`,
  );
  target.stop();

  const slow = await startTarget('slow');
  const over = { rate: 2000, seconds: quick ? 3 : 5, maxVUs: 100 };
  const intended = over.rate * over.seconds;
  const capped = await engine(
    slow.url,
    { type: 'constant-arrival-rate', rate: over.rate, duration: `${over.seconds}s`, maxVUs: over.maxVUs },
    { connections: over.maxVUs },
  );
  const hits = await slow.hits();
  print(
    `   against a target answering in 100 ms with ${over.maxVUs} VUs (capacity ~${over.maxVUs * 10}/s) at ${over.rate}/s for ${over.seconds} s:`,
  );
  print(
    `   intended ${intended}, requests the target saw ${hits}, dropped ${capped.summary.iterations.dropped} (intended − seen = ${intended - hits}; ${capped.summary.iterations.dropped === intended - hits ? 'equal' : 'DIFFERENT'})`,
  );
  slow.stop();
}

{
  const target = await startTarget('ok');
  const executor = (s: number) => ({
    type: 'constant-arrival-rate',
    rate: 1000,
    duration: `${s}s`,
    maxVUs: 200,
  });
  print(
    `\n4. memory: peak RSS at 1000/s, ${seconds.long} s vs ${seconds.short} s (goal ≤ 1.10×; young generation capped as soundcheck load runs)`,
  );
  const short = await engine(target.url, executor(seconds.short), { connections: 50 });
  const long = await engine(target.url, executor(seconds.long), { connections: 50 });
  print(
    `   ${seconds.long} s: ${fixed(long.maxRssMb)} MB, ${seconds.short} s: ${fixed(short.maxRssMb)} MB (${ratio(long.maxRssMb, short.maxRssMb)}; ${long.summary.overall.requests} vs ${short.summary.overall.requests} requests) ${machine()}`,
  );
  print(
    `   heap still used after a full GC at the end: ${fixed(long.heapAfterGcMb)} MB vs ${fixed(short.heapAfterGcMb)} MB (${ratio(long.heapAfterGcMb, short.heapAfterGcMb)}): RSS above it is V8's heap sizing, not kept samples`,
  );
  target.stop();
}
