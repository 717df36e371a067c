import { createHash } from 'node:crypto';
import type { ApiRequest, ApiResponse } from '../client/http-client.ts';
import type { Check, Severity } from './checks.ts';
import { curlLine, type FuzzCase } from './fuzz-case.ts';

/** One failed check, reproducible: the security report's unit (findings.json, SARIF, the dashboard). */
export interface Finding {
  /** Stable for the same check, operation and request: `soundcheck fuzz --replay <id>`. */
  id: string;
  check: string;
  owasp: string;
  cwe: number;
  severity: Severity;
  operation: string;
  actor: string;
  message: string;
  curl: string;
  status: number;
  responseExcerpt: string;
  seed: number;
  /** The (shrunk) case that fails, with any cases it depends on (a stateful chain's earlier steps). */
  fuzzCase: FuzzCase;
  /** False when re-sending the shrunk case did not fail again (reported, not trusted). */
  confirmed: boolean;
}

export const severityRank: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export function findingId(check: string, operation: string, request: ApiRequest): string {
  const digest = createHash('sha256')
    .update(`${check}\n${operation}\n${request.method} ${request.path}\n${String(request.payload ?? '')}`)
    .digest('hex');
  return `${check.replaceAll('_', '-')}-${digest.slice(0, 10)}`;
}

export interface FindingInput {
  check: Pick<Check, 'name' | 'owasp' | 'cwe' | 'severity'>;
  message: string;
  fuzzCase: FuzzCase;
  request: ApiRequest;
  response: ApiResponse;
  actor: string;
  baseUrl: string;
  seed: number;
  confirmed: boolean;
}

export function makeFinding(input: FindingInput): Finding {
  const { check, request, response } = input;
  return {
    id: findingId(check.name, input.fuzzCase.operation, request),
    check: check.name,
    owasp: check.owasp,
    cwe: check.cwe,
    severity: check.severity,
    operation: input.fuzzCase.operation,
    actor:
      input.fuzzCase.auth === 'actor'
        ? input.actor
        : input.fuzzCase.auth === 'none'
          ? 'anonymous'
          : 'forged token',
    message: input.message,
    curl: curlLine(request, input.baseUrl),
    status: response.status,
    responseExcerpt: response.text.slice(0, 500),
    seed: input.seed,
    fuzzCase: input.fuzzCase,
    confirmed: input.confirmed,
  };
}

/** At or above `threshold`: what makes `soundcheck fuzz` exit non-zero. */
export function atOrAbove(findings: readonly Finding[], threshold: Severity): Finding[] {
  return findings.filter((finding) => severityRank[finding.severity] >= severityRank[threshold]);
}
