import { LoadConfigError, parseDuration } from './durations.ts';
import { plannedDurationMs, rateSegments } from './schedule.ts';
import { type ExecutorConfig, executorTypes, type Scenario } from './types.ts';

function positive(value: unknown, what: string, allowZero = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0))
    throw new LoadConfigError(`${what} must be a number ${allowZero ? '≥ 0' : '> 0'}, got ${String(value)}`);
}

/** Checks an executor's options the way k6 would, naming the option at fault. */
export function validateExecutor(executor: ExecutorConfig): void {
  if (!executor || !executorTypes.includes(executor.type))
    throw new LoadConfigError(
      `unknown executor "${String(executor?.type)}"; choose one of ${executorTypes.join(', ')}`,
    );
  switch (executor.type) {
    case 'constant-arrival-rate':
      positive(executor.rate, 'rate');
      break;
    case 'ramping-arrival-rate':
      positive(executor.startRate ?? 0, 'startRate', true);
      break;
    case 'constant-vus':
      positive(executor.vus, 'vus');
      break;
    case 'ramping-vus':
      positive(executor.startVUs ?? 0, 'startVUs', true);
      break;
    case 'per-vu-iterations':
      positive(executor.vus, 'vus');
      positive(executor.iterations, 'iterations');
      break;
    case 'max-throughput':
      if (executor.vus !== undefined) positive(executor.vus, 'vus');
      break;
  }
  if ('maxVUs' in executor && executor.maxVUs !== undefined) positive(executor.maxVUs, 'maxVUs');
  rateSegments(executor);
  if (plannedDurationMs(executor) <= 0) throw new LoadConfigError(`${executor.type} needs a duration > 0`);
}

/** Checks a scenario before anything is sent. */
export function validateScenario<Data>(scenario: Scenario<Data>): void {
  if (!scenario || typeof scenario !== 'object') throw new LoadConfigError('a scenario must be an object');
  if (typeof scenario.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(scenario.name))
    throw new LoadConfigError(
      `scenario name "${String(scenario.name)}" must be letters, digits, ".", "_" or "-" (it names its result file)`,
    );
  if (typeof scenario.iteration !== 'function')
    throw new LoadConfigError(`scenario ${scenario.name} needs an iteration(ctx, data) function`);
  validateExecutor(scenario.executor);
  const transport = scenario.transport ?? {};
  if (transport.connections !== undefined) positive(transport.connections, 'connections');
  if (transport.pipelining !== undefined) positive(transport.pipelining, 'pipelining');
  parseDuration(transport.timeout ?? '10s', 'timeout');
  parseDuration(scenario.gracefulStop ?? '10s', 'gracefulStop');
}
