import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { LoadReportFile } from '../../../src/load/report-file.ts';
import { startPushgateway } from '../../support/pushgateway.ts';
import { systemBinaryMissing } from '../../support/system-binary.ts';

const cli = fileURLToPath(new URL('../../../src/cli.ts', import.meta.url));

/** The gateway's `soundcheck_load_*` samples as `series value` lines. */
async function loadSeries(gateway: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${gateway}/metrics`)).text();
  const series = new Map<string, number>();
  for (const line of text.split('\n'))
    if (line.startsWith('soundcheck_load_')) {
      const cut = line.lastIndexOf(' ');
      series.set(line.slice(0, cut), Number(line.slice(cut + 1)));
    }
  return series;
}

/** Polls the gateway until `ready` holds for its series (a readiness wait, bounded). */
async function gatewayShows(gateway: string, ready: (series: Map<string, number>) => boolean) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const series = await loadSeries(gateway);
    if (ready(series)) return series;
    await sleep(100);
  }
  throw new Error(`the Pushgateway never showed it: ${[...(await loadSeries(gateway))].join('; ')}`);
}

/** A series as the gateway prints it: labels in name order, the push's grouping among them. */
const key = (name: string, extra: Record<string, string> = {}) => {
  const labels = { instance: '', job: 'soundcheck_load', scenario: 'url', ...extra };
  const text = Object.keys(labels)
    .sort()
    .map((label) => `${label}="${labels[label as keyof typeof labels]}"`)
    .join(',');
  return `soundcheck_load_${name}{${text}}`;
};

describe('soundcheck load --pushgateway', { tags: ['integration', 'reporting'], timeout: 90_000 }, () => {
  test('pushes each second while the run goes, and the totals when it ends (here on Ctrl-C)', async (ctx) => {
    const missing = systemBinaryMissing('prometheus-pushgateway', 'prometheus-pushgateway');
    if (missing) return ctx.skip(missing);
    const gateway = await startPushgateway();
    ctx.onTestFinished(() => gateway.stop());
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ctx.onTestFinished(() => {
      server.closeAllConnections();
      server.close();
    });
    const target = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-load-push-'));
    ctx.onTestFinished(() => rmSync(folder, { recursive: true, force: true }));

    const args = ['load', target, '--rate', '20/s', '--duration', '60s', '--pushgateway', gateway.url];
    const child = spawn(process.execPath, [cli, ...args, '--report-dir', folder], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    ctx.onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exited = once(child, 'exit');

    // While it runs: the running flag, the target rate and a count of requests are there.
    const live = await gatewayShows(gateway.url, (s) => (s.get(key('requests')) ?? 0) > 0);
    expect(live.get(key('running'))).toBe(1);
    expect(live.get(key('rate', { kind: 'target' }))).toBe(20);

    child.kill('SIGINT');
    const [code] = await exited;
    expect(code, output).toBe(130);
    expect(output).toContain(`✓ load metrics pushed to ${new URL(gateway.url).host}`);

    const summary = (
      JSON.parse(readFileSync(path.join(folder, 'performance', 'url.json'), 'utf8')) as LoadReportFile
    ).load.summary;
    const ended = await loadSeries(gateway.url);
    expect(ended.get(key('running'))).toBe(0);
    expect(ended.get(key('requests'))).toBe(summary.overall.requests);
    expect(ended.get(key('dropped_iterations'))).toBe(summary.iterations.dropped);
    expect(ended.get(key('latency_seconds', { latency: 'corrected', quantile: '0.99' }))).toBe(
      summary.overall.corrected.p99 / 1000,
    );
    expect(ended.get(key('latency_seconds', { latency: 'service', quantile: '0.5' }))).toBe(
      summary.overall.service.p50 / 1000,
    );
  });

  test('an unreachable Pushgateway is reported once, and the run still ends with its result', async (ctx) => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ctx.onTestFinished(() => {
      server.closeAllConnections();
      server.close();
    });
    const folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-load-push-'));
    ctx.onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const target = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    // Port 9 (discard) is closed on the test machine.
    const args = [
      'load',
      target,
      '--rate',
      '10/s',
      '--duration',
      '2s',
      '--pushgateway',
      'http://127.0.0.1:9',
    ];
    const child = spawn(process.execPath, [cli, ...args, '--report-dir', folder], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const [code] = await once(child, 'exit');
    expect(code, output).toBe(0);
    expect(output.match(/could not push load metrics to http:\/\/127\.0\.0\.1:9/g)).toHaveLength(1);
    expect(output).toMatch(/^result: .*url\.json$/m);
  });
});
