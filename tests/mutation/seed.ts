import fc from 'fast-check';

// The mutation runs' setup: the suite's fast-check seed (tests/utils/seed.ts) without faker, whose import
// would cost every mutant ~0.6 s; no unit test of a mutated module uses faker.
fc.configureGlobal({ seed: Number(process.env.SOUNDCHECK_SEED) || 1 });
