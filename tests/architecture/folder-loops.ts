import { loopsOf } from './loops.ts';
import { importsOf, readSource, sourceFiles } from './source-files.ts';

const root = 'api/src/';

/**
 * The api/src folder a file belongs to, or null for the files at the root: the composition root (app,
 * server, worker, deps) and the kernel every module may use (config, clock, log, redis, tables).
 */
const folderOf = (file: string) => {
  const rest = file.startsWith(root) ? file.slice(root.length) : null;
  return rest?.includes('/') ? (rest.split('/')[0] as string) : null;
};

/**
 * Loops among api/src's folders: two folders that import each other, directly or through other folders
 * (type-only imports count). Each is one line naming the folders and, for each import between them, the
 * first file that makes it.
 */
export function folderLoops(files = sourceFiles(['api/src']), read = readSource): string[] {
  const witness = new Map<string, string>();
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const from = folderOf(file);
    if (!from) continue;
    if (!edges.has(from)) edges.set(from, []);
    for (const target of importsOf(file, read(file))) {
      const to = folderOf(target);
      if (!to || to === from) continue;
      const targets = edges.get(from) as string[];
      if (!targets.includes(to)) targets.push(to);
      if (!witness.has(`${from}>${to}`)) witness.set(`${from}>${to}`, `${file} imports ${target}`);
    }
  }
  return loopsOf(edges).map((loop) => {
    const inside = loop.flatMap((from) =>
      (edges.get(from) ?? []).filter((to) => loop.includes(to)).map((to) => witness.get(`${from}>${to}`)),
    );
    return `${loop.join(' ↔ ')} (${inside.join('; ')})`;
  });
}
