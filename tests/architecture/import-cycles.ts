import { loopsOf } from './loops.ts';
import { importsOf, readSource, sourceFiles } from './source-files.ts';

/**
 * The import cycles among the repository's TypeScript files (type-only imports count: a cycle of types is
 * still two modules that cannot be understood one without the other). Each cycle is listed once, as the
 * files of one strongly connected component.
 */
export function importCycles(files = sourceFiles(), read = readSource): string[][] {
  const known = new Set(files);
  return loopsOf(
    new Map(files.map((file) => [file, importsOf(file, read(file)).filter((target) => known.has(target))])),
  );
}
