import { readFileSync } from 'node:fs';
import path from 'node:path';
import { identifierAlgorithms, operationOutcomes, securityPromises } from './operations.ts';

/**
 * The contract as a checklist: API.md's operations × outcomes and security promises (operations.ts), every
 * edge of `state_machines.json` per actor, every machine-checkable rule of `qc_rules.json`, every identifier
 * algorithm of DOMAIN.md. Tests name the items they prove with `covers(...)`.
 */
const fixtures = path.resolve(import.meta.dirname, '../fixtures');

interface Transition {
  from: string | string[];
  to: string;
  event: string;
  actors: string[];
}
interface Rule {
  id: string;
  manual?: boolean;
}

/** The repository's copies of the design's machine-readable files. */
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as T;

/** `workflow.<event>.<actor>` for each legal edge and actor; `workflow.<event>.409` for each action. */
function stateMachineItems(): string[] {
  const machines = read<{ release: { transitions: Transition[] }; delivery: { transitions: Transition[] } }>(
    'workflow/state_machines.json',
  );
  const actorName = (actor: string) => actor.replace(/ \(creator\)$/, '');
  const release = machines.release.transitions.flatMap((edge) => [
    ...edge.actors.map((actor) => `workflow.${edge.event}.${actorName(actor)}`),
    ...(edge.actors.includes('system') ? [] : [`workflow.${edge.event}.409-illegal`]),
  ]);
  const delivery = machines.delivery.transitions.map((edge) => `delivery.${edge.event}`);
  return [...new Set([...release, ...delivery])];
}

function qcItems(): string[] {
  const rules = read<Record<string, unknown>>('qc/qc_rules.json');
  return Object.values(rules)
    .filter((group): group is Rule[] => Array.isArray(group))
    .flat()
    .filter((rule) => typeof rule.id === 'string' && /^[ACMR]\d+$/.test(rule.id) && !rule.manual)
    .map((rule) => `qc.${rule.id}`);
}

export function contractChecklist(): string[] {
  return [
    ...operationOutcomes,
    ...securityPromises,
    ...identifierAlgorithms,
    ...stateMachineItems(),
    ...qcItems(),
  ];
}

declare module 'vitest' {
  interface TaskMeta {
    /** The contract items the test proves (tests/contract/checklist.ts). */
    covers?: string[];
  }
}

/** Marks what a test proves of the contract: `test('…', covers('releases.create.409-upc'), async …)`. */
export function covers(...items: string[]): { meta: { covers: string[] } } {
  return { meta: { covers: items } };
}
