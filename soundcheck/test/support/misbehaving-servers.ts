import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';

export interface LocalServer {
  url: string;
  /** Requests (or connections, for raw TCP servers) seen so far. */
  hits: () => number;
  close(): Promise<void>;
}

async function listen(server: Server, hits: () => number, sockets: Set<Socket>): Promise<LocalServer> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP server whose every request is handled by `handle`. */
function httpServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  let hits = 0;
  const server = createHttpServer((req, res) => {
    hits++;
    handle(req, res);
  });
  return listen(server, () => hits, new Set());
}

/** A TCP server that answers every connection's first bytes with `reply` (raw), then does `after`. */
function rawServer(reply: string, after: 'end' | 'destroy' | 'hang'): Promise<LocalServer> {
  let hits = 0;
  const server = createTcpServer((socket) => {
    socket.once('data', () => {
      hits++;
      socket.write(reply);
      if (after === 'end') socket.end();
      if (after === 'destroy') socket.destroy();
    });
    socket.on('error', () => undefined);
  });
  return listen(server, () => hits, new Set());
}

const ok = (res: ServerResponse) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"ok":true}');
};

/** Holds every response until `stallMs` after the first request arrived, then answers at once. */
export function stallingServer(stallMs: number): Promise<LocalServer> {
  let stallEnd: number | null = null;
  return httpServer((_req, res) => {
    stallEnd ??= Date.now() + stallMs;
    const wait = stallEnd - Date.now();
    if (wait > 0) setTimeout(() => ok(res), wait);
    else ok(res);
  });
}

export const slowServer = (delayMs: number) => httpServer((_req, res) => setTimeout(() => ok(res), delayMs));
export const hangingServer = () => httpServer(() => undefined);
export const resettingServer = () => httpServer((req) => req.socket.destroy());
/** Promises 100 bytes of body, sends 10 and closes the connection. */
export const truncatingServer = () =>
  rawServer(
    'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 100\r\n\r\n0123456789',
    'destroy',
  );
export const garbageServer = () => rawServer('SSH-2.0-OpenSSH_9.6 this is not HTTP\r\n\r\n', 'end');
