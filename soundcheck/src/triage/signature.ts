import type { RecordedError, TestRecord } from '../reporter/test-record.ts';

/** Variable parts of a message, masked in order: a failure's signature is what stays when they go. */
const masks: Array<[RegExp, string]> = [
  [/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d+/gi, '<host:port>'],
  [/\b[0-9a-f]{16,}\b/gi, '<hex>'],
  [/\b[A-Z]{2}[A-Z0-9]{3}\d{7}\b/g, '<isrc>'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
];

/** Numbers are masked too, but a lone HTTP status (100–599) is kept: "got 401" and "got 500" are different failures. */
const maskNumbers = (text: string) =>
  text.replace(/(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g, (n) => (/^[1-5]\d\d$/.test(n) ? n : '<n>'));

/** The first line of a message with ids, numbers, UUIDs, ports and timestamps masked. */
export function normaliseMessage(message: string): string {
  const first = message.split('\n').find((line) => line.trim()) ?? '';
  const masked = masks.reduce((text, [pattern, mask]) => text.replace(pattern, mask), first.trim());
  return maskNumbers(masked).slice(0, 300);
}

/** The innermost stack frame in the project's own code (not node_modules, not Node), without line numbers. */
export function topOwnFrame(stack: string | undefined, root = process.cwd()): string | null {
  for (const line of (stack ?? '').split('\n')) {
    const match = /\(?((?:file:\/\/)?\/[^():]+\.[cm]?[jt]s):\d+:\d+\)?\s*$/.exec(line);
    const file = match?.[1]?.replace(/^file:\/\//, '');
    if (!file || file.includes('/node_modules/')) continue;
    return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  }
  return null;
}

/** The error that decided the test's status: the last for a failure, the first (retried) for a flaky test. */
export function decidingError(test: TestRecord): RecordedError | undefined {
  return test.status === 'flaky' ? test.errors[0] : test.errors.at(-1);
}

/** A failure's signature: its normalised message and the top frame in our code. */
export function failureSignature(error: RecordedError, root?: string): string {
  const frame = topOwnFrame(error.stack, root);
  return frame ? `${normaliseMessage(error.message)} @ ${frame}` : normaliseMessage(error.message);
}

export interface FailureCluster {
  signature: string;
  /** The first test's own message: what a reader recognises. */
  headline: string;
  tests: TestRecord[];
}

/** Failed tests (quarantined ones apart) grouped by signature, largest group first (ties: by signature, for a stable order). */
export function clusterFailures(tests: readonly TestRecord[], root?: string): FailureCluster[] {
  const clusters = new Map<string, FailureCluster>();
  for (const test of tests) {
    if (test.status !== 'failed' || test.quarantined) continue;
    const error = decidingError(test);
    if (!error) continue;
    const signature = failureSignature(error, root);
    const cluster = clusters.get(signature) ?? {
      signature,
      headline: error.message.split('\n')[0] ?? '',
      tests: [],
    };
    cluster.tests.push(test);
    clusters.set(signature, cluster);
  }
  return [...clusters.values()].sort(
    (a, b) => b.tests.length - a.tests.length || a.signature.localeCompare(b.signature),
  );
}

/** `83 tests — login as …: expected 200, got 401` */
export function describeCluster(cluster: FailureCluster): string {
  const count = `${cluster.tests.length} test${cluster.tests.length === 1 ? '' : 's'}`;
  return `${count} — ${cluster.headline.slice(0, 160)}`;
}
