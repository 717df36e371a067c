import rulesFile from '../../fixtures/qc/qc_rules.json' with { type: 'json' };

const all = [...rulesFile.metadata, ...rulesFile.completeness, ...rulesFile.audio, ...rulesFile.artwork];

/** The severity qc_rules.json gives a rule, so the tests check the code against the design. */
export function severityOf(id: string): 'block' | 'warn' {
  const rule = all.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`qc_rules.json has no rule ${id}`);
  return rule.severity as 'block' | 'warn';
}
