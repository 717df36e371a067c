import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { beforeEach } from 'vitest';

// Every test draws from its own stream, derived from the run's seed and its own name: the same seed
// replays the same data whatever the order, the worker or the other tests selected.
const runSeed = Number(process.env.SOUNDCHECK_SEED) || 1;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

fc.configureGlobal({ seed: runSeed });

beforeEach(({ task }) => {
  faker.seed(hash(`${runSeed}:${task.file.name}:${task.fullName}`));
});
