import type { Config } from './config.ts';

/**
 * A pino-compatible JSON line on stderr for work that runs outside a request (jobs, mail), where no
 * request logger exists; silent when LOG_LEVEL is silent (tests).
 */
export function serviceLog(config: Pick<Config, 'logLevel'>, level: 'info' | 'warn' | 'error') {
  const levels = { info: 30, warn: 40, error: 50 } as const;
  return (details: object, msg: string): void => {
    if (config.logLevel === 'silent') return;
    process.stderr.write(`${JSON.stringify({ level: levels[level], time: Date.now(), ...details, msg })}\n`);
  };
}
