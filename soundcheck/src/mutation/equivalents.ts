import { codeKey } from './mutant-text.ts';

/** A surviving mutant declared unable to change behaviour, with the reason. */
export interface Equivalent {
  file: string;
  mutator: string;
  original: string;
  replacement: string;
  reason: string;
}

const entry = /^- `([^`]+)` (\w+): ``(.+?)`` → ``(.*?)`` — (.+)$/;

/**
 * Reads the list of equivalent mutants: one Markdown bullet each,
 * ``- `api/src/file.ts` Mutator: ``original`` → ``replacement`` — why it cannot change behaviour``.
 */
export function parseEquivalents(markdown: string): Equivalent[] {
  const found: Equivalent[] = [];
  for (const line of markdown.split('\n')) {
    const match = entry.exec(line.trim());
    if (!match) continue;
    const [, file = '', mutator = '', original = '', replacement = '', reason = ''] = match;
    found.push({ file, mutator, original: codeKey(original), replacement: codeKey(replacement), reason });
  }
  return found;
}

/** The bullet that declares a mutant equivalent (the reason left for a person to write). */
export function formatEquivalent(e: Omit<Equivalent, 'reason'>, reason = 'REASON'): string {
  return `- \`${e.file}\` ${e.mutator}: \`\`${e.original}\`\` → \`\`${e.replacement}\`\` — ${reason}`;
}
