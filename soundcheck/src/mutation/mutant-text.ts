import type { MutantResult } from '@stryker-mutator/api/core';

/** Whitespace folded and cut to a readable length: how a mutant's original code is named in lists. */
export function codeKey(code: string): string {
  const folded = code.replace(/\s+/g, ' ').trim();
  return folded.length > 80 ? `${folded.slice(0, 79)}…` : folded;
}

/** The source text a mutant replaces (Stryker locations: lines and columns from 1). */
export function originalCode(source: string, location: MutantResult['location']): string {
  const lines = source.split('\n');
  const { start, end } = location;
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  const middle = lines.slice(start.line, end.line - 1);
  return [
    lines[start.line - 1]?.slice(start.column - 1) ?? '',
    ...middle,
    lines[end.line - 1]?.slice(0, end.column - 1) ?? '',
  ].join('\n');
}
