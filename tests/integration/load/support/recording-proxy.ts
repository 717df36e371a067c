import { createServer } from 'node:http';
import { request } from 'undici';

export interface RecordingProxy {
  url: string;
  /** `METHOD path` of every request passed on, in arrival order. */
  seen: string[];
  close(): Promise<void>;
}

/** A reverse proxy to `target` that writes down each request it passes on. */
export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const seen: string[] = [];
  const server = createServer(async (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    const answer = await request(`${target}${req.url}`, {
      method: req.method as 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(answer.statusCode, answer.headers as Record<string, string>);
    res.end(Buffer.from(await answer.body.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
