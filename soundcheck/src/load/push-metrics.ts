import { Gauge, Pushgateway, Registry } from 'prom-client';
import type { LoadSummary, TimePoint } from './result-types.ts';

const QUANTILES = [
  ['0.5', 'p50'],
  ['0.95', 'p95'],
  ['0.99', 'p99'],
] as const;

/** The gauges a load run pushes (names under `soundcheck_load_`). */
function loadGauges(registry: Registry) {
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  return {
    running: gauge('soundcheck_load_running', '1 while the load run goes, 0 once it ended'),
    rate: gauge('soundcheck_load_rate', 'Iteration starts per second in the newest second', ['kind']),
    latency: gauge(
      'soundcheck_load_latency_seconds',
      'Corrected latency quantiles: of the newest second while running, of the whole run at the end',
      ['quantile', 'latency'],
    ),
    activeVUs: gauge('soundcheck_load_active_vus', 'VUs busy in the newest second'),
    requests: gauge('soundcheck_load_requests', 'Requests answered or failed so far'),
    errors: gauge('soundcheck_load_errors', 'Requests failed so far (4xx, 5xx or no answer)'),
    dropped: gauge('soundcheck_load_dropped_iterations', 'Intended starts that found no free VU so far'),
    thresholds: gauge('soundcheck_load_thresholds', 'Thresholds of the ended run, by result', ['result']),
  };
}

/**
 * Pushes a load run to a Pushgateway as it goes (`soundcheck load --pushgateway <url>`), the way test
 * runs push theirs: job `soundcheck_load`, grouped by scenario. Each push replaces the group, so a
 * dashboard sees the newest second while the run goes and the run's totals once it ended.
 * A push that fails is reported once and never stops the run.
 */
export class LoadPusher {
  private readonly registry = new Registry();
  private readonly gateway: Pushgateway<'text/plain; version=0.0.4; charset=utf-8'>;
  private readonly url: string;
  private readonly scenario: string;
  private readonly log: (line: string) => void;
  private readonly gauges: ReturnType<typeof loadGauges>;
  /** Seconds seen so far (a second may be reported again, never counted twice). */
  private readonly seconds = new Map<number, TimePoint>();
  private inFlight: Promise<void> | null = null;
  private failed = false;

  constructor(url: string, scenario: string, log: (line: string) => void) {
    this.url = url;
    this.scenario = scenario;
    this.log = log;
    this.gateway = new Pushgateway(url, { timeout: 5000 }, this.registry);
    this.gauges = loadGauges(this.registry);
  }

  /** A complete second of the run. */
  second(point: TimePoint): void {
    const { gauges } = this;
    this.seconds.set(point.second, point);
    const total = (key: 'requests' | 'errors' | 'dropped') =>
      [...this.seconds.values()].reduce((sum, seen) => sum + seen[key], 0);
    gauges.running.set(1);
    gauges.rate.set({ kind: 'achieved' }, point.achievedRate);
    if (point.targetRate !== null) gauges.rate.set({ kind: 'target' }, point.targetRate);
    for (const [quantile, key] of QUANTILES) {
      const ms = point[key];
      if (ms !== null) gauges.latency.set({ quantile, latency: 'corrected' }, ms / 1000);
    }
    gauges.activeVUs.set(point.activeVUs);
    gauges.requests.set(total('requests'));
    gauges.errors.set(total('errors'));
    gauges.dropped.set(total('dropped'));
    // A push still under way is not queued behind: the next second carries the newer figures.
    if (!this.inFlight) this.inFlight = this.push().finally(() => (this.inFlight = null));
  }

  /** The ended run's totals; resolves when they are pushed (or the push failed). */
  async finish(summary: LoadSummary): Promise<void> {
    await this.inFlight;
    const { gauges } = this;
    gauges.running.set(0);
    gauges.rate.reset();
    gauges.rate.set({ kind: 'achieved' }, summary.achievedRate);
    if (summary.targetRate !== null) gauges.rate.set({ kind: 'target' }, summary.targetRate);
    gauges.latency.reset();
    for (const latency of ['corrected', 'service'] as const)
      for (const [quantile, key] of QUANTILES)
        gauges.latency.set({ quantile, latency }, summary.overall[latency][key] / 1000);
    gauges.activeVUs.set(0);
    gauges.requests.set(summary.overall.requests);
    gauges.errors.set(summary.overall.failed);
    gauges.dropped.set(summary.iterations.dropped);
    const passed = summary.thresholds.filter((t) => t.ok).length;
    gauges.thresholds.set({ result: 'passed' }, passed);
    gauges.thresholds.set({ result: 'failed' }, summary.thresholds.length - passed);
    await this.push();
    if (!this.failed) this.log(`  ✓ load metrics pushed to ${new URL(this.url).host}`);
  }

  private async push(): Promise<void> {
    try {
      await this.gateway.push({ jobName: 'soundcheck_load', groupings: { scenario: this.scenario } });
    } catch (error) {
      if (!this.failed)
        this.log(`  ! could not push load metrics to ${this.url}: ${(error as Error).message}`);
      this.failed = true;
    }
  }
}
