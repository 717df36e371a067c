/** Prints `▸ name…` then `✓ name (123 ms)` or `✗ name: cause`, and returns what the phase returned. */
export async function phase<T>(name: string, work: () => Promise<T>, out = process.stdout): Promise<T> {
  out.write(`▸ ${name}\n`);
  const started = performance.now();
  try {
    const result = await work();
    out.write(`✓ ${name} (${Math.round(performance.now() - started)} ms)\n`);
    return result;
  } catch (error) {
    out.write(`✗ ${name}: ${(error as Error).message}\n`);
    throw error;
  }
}
