import { readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface ShellBlock {
  /** 1-based line of the block's opening fence, for messages. */
  line: number;
  text: string;
}

/** Every ```sh block of the README, in order. */
export function readmeShellBlocks(file = path.join(repoRoot, 'README.md')): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  let current: { line: number; lines: string[] } | null = null;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!current && line.startsWith('```sh')) current = { line: index + 1, lines: [] };
      else if (current && line.startsWith('```')) {
        blocks.push({ line: current.line, text: current.lines.join('\n') });
        current = null;
      } else current?.lines.push(line);
    });
  return blocks;
}

/** A shell comment: a `#` after white space (or at the start), outside quotes. */
function commentAt(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
  }
  return -1;
}

/** Splits shell text at `separators` outside quotes; quotes are kept. */
function splitOutsideQuotes(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else {
      const separator = separators.exec(text.slice(i))?.[0];
      if (separator && text.slice(i).startsWith(separator)) {
        parts.push(text.slice(start, i));
        start = i + separator.length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A block's commands, each as its words: lines joined, comments dropped, split at `&&`, `;`, `|`. */
export function commandsOf(block: ShellBlock): string[][] {
  const text = block.text
    .split('\n')
    .map((line) => {
      const at = commentAt(line);
      return (at < 0 ? line : line.slice(0, at)).trimEnd();
    })
    .join('\n')
    .replace(/\\\n\s*/g, ' ');
  return splitOutsideQuotes(text, /^(&&|;|\||\n)/)
    .map((command) => splitOutsideQuotes(command.trim(), /^\s+/).filter(Boolean))
    .map((words) => words.slice(words.findIndex((word) => !/^[A-Z_]+=/.test(word))))
    .filter((words) => words.length > 0);
}

/** The outputs a block promises in end-of-line comments that are JSON, e.g. `# {"valid":true}`. */
export function promisedOutputs(block: ShellBlock): unknown[] {
  return block.text.split('\n').flatMap((line) => {
    const at = commentAt(line);
    if (at < 0) return [];
    try {
      return [JSON.parse(line.slice(at + 1).trim())];
    } catch {
      return [];
    }
  });
}
