// A bench target, run as its own process (pinned to a core by the bench): `node target-server.ts <mode>`.
// Prints its port on stdout. Modes: `ok` answers at once; `stall` holds every response that arrives in
// the first 200 ms of each 2 s cycle until that window ends; `slow` answers after 100 ms. GET /__hits
// counts the requests it answered (itself excluded); GET /__late gives how late, past the window's end,
// the held answers left (p50, p99, max in ms): the target's own share of what a generator measures.
import { createServer } from 'node:http';

const mode = process.argv[2] ?? 'ok';
let hits = 0;
const late: number[] = [];
const epochMs = () => performance.timeOrigin + performance.now();
const body = '{"ok":true}';

const server = createServer((req, res) => {
  if (req.url === '/__hits') {
    res.end(String(hits));
    return;
  }
  if (req.url === '/__late') {
    const sorted = late.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? 0;
    res.end(JSON.stringify({ p50: at(0.5), p99: at(0.99), max: at(1) }));
    return;
  }
  hits++;
  const answer = () => {
    res.setHeader('content-type', 'application/json');
    res.end(body);
  };
  if (mode === 'slow') {
    setTimeout(answer, 100);
    return;
  }
  if (mode === 'stall') {
    const now = epochMs();
    const phase = now % 2000;
    if (phase < 200) {
      const due = now - phase + 200;
      setTimeout(() => {
        answer();
        late.push(epochMs() - due);
      }, 200 - phase);
      return;
    }
  }
  answer();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as { port: number }).port}\n`);
});
