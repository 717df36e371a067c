import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { lintWorkflows } from './lint-workflows.ts';

const workflow = (body: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'workflow-')), 'ci.yml');
  writeFileSync(file, body);
  return file;
};

describe('workflow validation', { tags: ['unit', 'harness'] }, () => {
  test('the repository workflows pass actionlint', async () => {
    expect(await lintWorkflows(['.github/workflows/ci.yml', '.github/workflows/nightly.yml'])).toEqual([]);
  });

  test('a mistyped context and a job needing an unknown job are caught, with file and line', async () => {
    const file = workflow(
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    needs: nope',
        '    steps:',
        '      - run: echo ${{ github.shaa }}',
      ].join('\n'),
    );
    const findings = await lintWorkflows([file]);
    expect(findings.some((line) => line.startsWith(`${file}:3:`) && /needs job "nope"/.test(line))).toBe(
      true,
    );
    expect(findings.some((line) => line.startsWith(`${file}:7:`) && /shaa/.test(line))).toBe(true);
  });
});
