import type { FastifyInstance } from 'fastify';

/**
 * A request refused before its body was read (413, 401 on an upload, 415…) must still let the client read
 * the answer: closing the socket while the client is still sending makes it see a broken pipe instead.
 * So the rest of the body is read and discarded — up to a cap in bytes and time, past which the
 * connection is cut, so nobody can hold it open by sending forever.
 */
export function registerRefusedBodyDrain(
  app: FastifyInstance,
  { maxBytes = 64 * 1024 * 1024, maxMs = 10_000 } = {},
): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const raw = request.raw;
    if (raw.complete || raw.readableEnded || !raw.readable) return done(null, payload);
    // Fastify asks for `connection: close` after a parser error, and Node then closes the socket while
    // the client is still sending; keeping it open lets Node's parser read the body to its end instead.
    reply.removeHeader('connection');
    let drained = 0;
    const timer = setTimeout(() => raw.destroy(), maxMs);
    timer.unref();
    raw.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > maxBytes) raw.destroy();
    });
    raw.once('close', () => clearTimeout(timer));
    raw.resume();
    done(null, payload);
  });
}
