import { describe, expect, test } from 'vitest';
import { importCycles } from '../../architecture/import-cycles.ts';

const planted: Record<string, string> = {
  'api/src/a.ts': "import { b } from './b.ts';",
  'api/src/b.ts': "import type { C } from './c/c.ts';",
  'api/src/c/c.ts': "export { a } from '../a.ts';",
  'api/src/d.ts': "import { b } from './b.ts';\nimport { c } from '@soundcheck/api/c/c.ts';",
  'tests/e.ts': "import { d } from '@soundcheck/api/d.ts';",
};

describe('no import cycles', { tags: ['unit', 'harness'] }, () => {
  test('no TypeScript file of api/, soundcheck/ or tests/ reaches itself through its imports', () => {
    expect(importCycles()).toEqual([]);
  });

  test('the check finds a cycle through re-exports, type imports and package paths, and only that one', () => {
    expect(importCycles(Object.keys(planted), (file) => planted[file] ?? '')).toEqual([
      ['api/src/a.ts', 'api/src/b.ts', 'api/src/c/c.ts'],
    ]);
  });
});
