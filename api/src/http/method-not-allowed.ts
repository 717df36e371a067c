import type { FastifyInstance } from 'fastify';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

const toPattern = (url: string): RegExp =>
  new RegExp(`^${url.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}$`);

/**
 * Remembers every route's path and methods, so that a request for a path that exists under another
 * method is told 405 with `Allow` (RFC 9110) instead of 404.
 */
export function trackRouteMethods(app: FastifyInstance): (path: string) => string[] {
  const known = new Map<string, KnownPath>();
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    const entry = known.get(route.url) ?? { pattern: toPattern(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
    known.set(route.url, entry);
  });
  return (path) => {
    const methods = new Set<string>();
    for (const { pattern, methods: own } of known.values())
      if (pattern.test(path)) for (const m of own) methods.add(m);
    return [...methods].sort();
  };
}
