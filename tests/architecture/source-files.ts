import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository's root (this file is tests/architecture/source-files.ts). */
const repoRoot = path.resolve(import.meta.dirname, '../..');

const skipped = new Set(['node_modules', '.data', '.soundcheck', 'reports', 'coverage', 'generated']);

/** Every TypeScript source under `folders` (relative to the repository), as repository-relative paths. */
export function sourceFiles(folders: readonly string[] = ['api', 'soundcheck', 'tests']): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && !skipped.has(entry.name)) walk(relative);
      else if (entry.isFile() && /\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        found.push(relative);
    }
  };
  for (const folder of folders) walk(folder);
  return found.sort();
}

export const readSource = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

const specifiers =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*\(?\s*['"]([^'"]+)['"]/gm;

/** The workspace packages' exports (package.json `exports: { "./*": "./src/*" }`). */
const packages: Record<string, string> = { '@soundcheck/api/': 'api/src/', 'soundcheck/': 'soundcheck/src/' };

/** The repository files `file` imports (statically, type-only imports included); packages are left out. */
export function importsOf(file: string, text = readSource(file)): string[] {
  const targets: string[] = [];
  for (const match of text.matchAll(specifiers)) {
    const spec = match[1] ?? match[2] ?? '';
    if (spec.startsWith('.'))
      targets.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    else {
      const prefix = Object.keys(packages).find((name) => spec.startsWith(name));
      if (prefix) targets.push(packages[prefix] + spec.slice(prefix.length));
      else if (spec === '@soundcheck/api') targets.push('api/src/app.ts');
    }
  }
  return targets;
}
