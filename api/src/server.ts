import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startDeliverySweeper } from './deliveries/sweep.ts';
import { createDeps, StartupError } from './deps.ts';
import { bootstrapAdmin } from './users/bootstrap.ts';

function fail(message: string): never {
  process.stderr.write(`soundcheck-api: ${message}\n`);
  process.exit(1);
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'EADDRINUSE')
    return `port ${port} on ${host} is in use — stop the other process or set PORT`;
  if (error.code === 'EACCES') return `no permission to listen on ${host}:${port} — choose a PORT above 1023`;
  if (error.code === 'EADDRNOTAVAIL') return `HOST ${host} is not an address of this machine`;
  return `cannot listen on ${host}:${port}: ${error.message}`;
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
    throw error;
  }
  let started: Awaited<ReturnType<typeof createDeps>>;
  try {
    started = await createDeps(config);
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    fail(`cannot start: ${(error as Error).message.split('\n')[0]}`);
  }
  const { deps, backends, close } = started;
  const app = await buildApp(deps);
  app.log.info(backends, 'backends');
  if (await bootstrapAdmin(deps.db, config.bootstrapAdmin, config.passwordHashCost)) {
    app.log.info({ email: config.bootstrapAdmin?.email }, 'bootstrap admin created');
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await close();
    fail(listenError(error as NodeJS.ErrnoException, config.host, config.port));
  }
  // Job handlers are registered by buildApp; WORKERS=off leaves consuming them to `npm run worker`.
  if (config.workers) await deps.queue.startWorkers();
  // The delivery sweeper (resume, ACK polling and timeouts, scheduled live) runs wherever workers run.
  const stopSweeper = config.workers ? startDeliverySweeper(deps) : () => {};

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    stopSweeper();
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await app.close();
    await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
