import { infrastructurePatterns } from './infrastructure-retry.ts';
import type { AttemptPhases } from './phase-runner.ts';

export type ErrorCategory = 'setup' | 'execution' | 'teardown' | 'infrastructure';
export const errorCategories: readonly ErrorCategory[] = ['infrastructure', 'setup', 'execution', 'teardown'];

/** The parts of a thrown error the classifier looks at (Vitest's serialised `TestError` has them all). */
export interface ErrorShape {
  name?: string;
  message?: string;
  code?: string;
  cause?: unknown;
}

const infrastructureCodes = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001']);

/** Whether the error — or anything in its `cause` chain — says a service failed us. */
export function isInfrastructure(error: ErrorShape, depth = 0): boolean {
  if (error.code && infrastructureCodes.has(error.code)) return true;
  const text = `${error.code ?? ''} ${error.name ?? ''}: ${error.message ?? ''}`;
  if (infrastructurePatterns.some((pattern) => pattern.test(text))) return true;
  const cause = error.cause;
  return depth < 5 && typeof cause === 'object' && cause !== null && isInfrastructure(cause, depth + 1);
}

/** The phase an error happened in, from the marks the phase runner left for the attempts. */
export function phaseOf(errorIndex: number, phases: readonly AttemptPhases[] | undefined): ErrorCategory {
  if (!phases?.length) return 'execution';
  // The last attempt that had begun before this error was recorded.
  const attempt = phases.findLast((p) => p.start <= errorIndex);
  // Teardown runs whether or not the body began (a failed setup is still cleaned up).
  if (attempt?.teardown !== undefined && errorIndex >= attempt.teardown) return 'teardown';
  if (!attempt || attempt.execution === undefined || errorIndex < attempt.execution) return 'setup';
  return 'execution';
}

/** Infrastructure wins over where it happened: a refused connection in a hook is still the network. */
export function classify(error: ErrorShape, phase: ErrorCategory = 'execution'): ErrorCategory {
  return isInfrastructure(error) ? 'infrastructure' : phase;
}
