import { describe, expect, test } from 'vitest';
import { folderLoops } from '../../architecture/folder-loops.ts';

const planted: Record<string, string> = {
  'api/src/deps.ts': "import type { A } from './alpha/a.ts';",
  'api/src/alpha/a.ts': "import type { Deps } from '../deps.ts';\nimport { b } from '../beta/b.ts';",
  'api/src/beta/b.ts': "import type { C } from '@soundcheck/api/gamma/c.ts';",
  'api/src/gamma/c.ts': "export { a } from '../alpha/a.ts';",
  'api/src/delta/d.ts': "import { b } from '../beta/b.ts';\nimport { a } from '../alpha/a.ts';",
};

describe('no folder loops in api/src', { tags: ['unit', 'harness'] }, () => {
  test('no two folders of api/src import each other, directly or through other folders', () => {
    expect(folderLoops()).toEqual([]);
  });

  test('the check finds a loop of three folders through type imports, package paths and re-exports, not the root files', () => {
    expect(folderLoops(Object.keys(planted), (file) => planted[file] ?? '')).toEqual([
      'alpha ↔ beta ↔ gamma (api/src/alpha/a.ts imports api/src/beta/b.ts; api/src/beta/b.ts imports api/src/gamma/c.ts; api/src/gamma/c.ts imports api/src/alpha/a.ts)',
    ]);
  });
});
