import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const anchor = '  registerAuthentication(app, deps);\n';

/**
 * Plants a known regression in a checked-out tree: `GET /v1/releases/{id}` spins `spinMicros` of CPU time
 * (not wall time: preempted spinning would cost less) before answering, as a slower serializer or an extra
 * computation would. Nothing else changes.
 */
export function plantSlowdown(treeDir: string, spinMicros: number): void {
  const file = path.join(treeDir, 'api/src/app.ts');
  const source = readFileSync(file, 'utf8');
  if (!source.includes(anchor))
    throw new Error(`cannot plant the slowdown: ${file} no longer has "${anchor.trim()}"`);
  const hook = `  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method === 'GET' && request.routeOptions.url === '/v1/releases/:id') {
      const start = process.cpuUsage();
      while (process.cpuUsage(start).user < ${spinMicros}) {}
    }
    return payload;
  });
`;
  writeFileSync(file, source.replace(anchor, hook + anchor));
}
