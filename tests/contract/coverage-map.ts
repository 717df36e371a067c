import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contractChecklist } from './checklist.ts';

const testsDir = path.resolve(import.meta.dirname, '..');
/** The categories a `--target` run executes; a declaration elsewhere counts as in-process only. */
const blackBoxCategories = ['e2e', 'security', 'performance'];

interface Declaration {
  file: string;
  blackBox: boolean;
}

export interface CoverageMap {
  items: Array<{ id: string; by: Declaration[] }>;
  /** Ids a test declares that the checklist does not have (typos, or promises API.md dropped). */
  unknown: Array<{ id: string; file: string }>;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** A fixture list asking for the app's insides: that test is skipped by a `--target` run. */
const insides = /\(\{[^}]*\b(deps|db|app|realRedis)\b[^}]*\}\)/g;
const tests = /\btest(\.for|\.each)?[(<]/g;

/** A describe block runs black-box unless it is tagged implementation or every test in it needs insides. */
function runsBlackBox(block: string): boolean {
  const options = block.slice(0, block.indexOf('=>'));
  if (options.includes("'implementation'")) return false;
  return (block.match(insides)?.length ?? 0) < (block.match(tests)?.length ?? 0);
}

/**
 * Each `covers('a', 'b')` of a test file, read from its source (so the map needs no test run). It counts as
 * black-box when its file is of a black-box category and its top-level `describe` block needs no insides.
 */
function declarations(): Array<{ id: string } & Declaration> {
  return testFiles(testsDir).flatMap((file) => {
    const relative = path.relative(testsDir, file);
    const category = blackBoxCategories.includes(relative.split(path.sep)[0] ?? '');
    const blocks = readFileSync(file, 'utf8').split(/^(?=describe\()/m);
    return blocks.flatMap((block) =>
      [...block.matchAll(/\bcovers\(([^)]*)\)/g)].flatMap((call) =>
        [...(call[1] ?? '').matchAll(/'([^']+)'/g)].map((literal) => ({
          id: literal[1] as string,
          file: relative,
          blackBox: category && runsBlackBox(block),
        })),
      ),
    );
  });
}

export function coverageMap(): CoverageMap {
  const checklist = contractChecklist();
  const declared = declarations();
  return {
    items: checklist.map((id) => ({
      id,
      by: declared.filter((each) => each.id === id).map(({ file, blackBox }) => ({ file, blackBox })),
    })),
    unknown: declared.filter((each) => !checklist.includes(each.id)).map(({ id, file }) => ({ id, file })),
  };
}

export const coveredBlackBox = (item: CoverageMap['items'][number]) => item.by.some((each) => each.blackBox);
