// A bench target, run as its own process (pinned to a core by the bench): `node target-server.ts <mode>`.
// Prints its port on stdout. Modes: `ok` answers at once; `stall` holds every response that arrives in
// the first 200 ms of each 2 s cycle until that window ends; `slow` answers after 100 ms. GET /__hits
// counts the requests it answered (itself excluded).
import { createServer } from 'node:http';

const mode = process.argv[2] ?? 'ok';
let hits = 0;
const body = '{"ok":true}';

const server = createServer((req, res) => {
  if (req.url === '/__hits') {
    res.end(String(hits));
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
    const phase = Date.now() % 2000;
    if (phase < 200) {
      setTimeout(answer, 200 - phase);
      return;
    }
  }
  answer();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as { port: number }).port}\n`);
});
