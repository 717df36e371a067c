import { importsOf, readSource, sourceFiles } from './source-files.ts';

/**
 * The import cycles among the repository's TypeScript files (type-only imports count: a cycle of types is
 * still two modules that cannot be understood one without the other). Each cycle is listed once, as the
 * files of one strongly connected component, found with Tarjan's algorithm.
 */
export function importCycles(files = sourceFiles(), read = readSource): string[][] {
  const known = new Set(files);
  const edges = new Map(
    files.map((file) => [file, importsOf(file, read(file)).filter((target) => known.has(target))]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) visit(target);
      if (onStack.has(target)) low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === file) break;
    }
    if (component.length > 1 || edges.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}
