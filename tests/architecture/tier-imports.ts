import { importsOf, readSource, sourceFiles } from './source-files.ts';

/** The test tiers (README: "Tests"): each is its own Vitest project and imports from no other. */
const tiers = ['unit', 'integration', 'e2e', 'performance', 'security'] as const;

const tierOf = (file: string) => tiers.find((tier) => file.startsWith(`tests/${tier}/`)) ?? null;

/**
 * Imports of one tier's folder from anywhere in `tests/` outside it: what two tiers share belongs in
 * tests/utils/, tests/factories/, tests/mocks/ or tests/fixtures/, so a tier can move or be rewritten alone.
 */
export function tierCrossingImports(files = sourceFiles(['tests']), read = readSource): string[] {
  const findings: string[] = [];
  for (const file of files) {
    for (const target of importsOf(file, read(file))) {
      const tier = tierOf(target);
      if (tier && tier !== tierOf(file)) findings.push(`${file} imports ${target} from the ${tier} tier`);
    }
  }
  return findings;
}
