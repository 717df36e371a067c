/** A seeded normal sample (Box–Muller on a linear congruential generator), so tests and calibrations replay. */
export function normalSample(n: number, seed: number, mean = 0, spread = 1): number[] {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  return Array.from(
    { length: n },
    () => mean + spread * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()),
  );
}
