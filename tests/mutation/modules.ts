import type { MutationModule } from '../../soundcheck/src/mutation/run-stryker.ts';

const unit = (...files: string[]) => files.map((file) => `tests/unit/${file}.test.ts`);

/**
 * The domain code under mutation testing (issue 15), each with the tests that judge it and a planted
 * mutant — the body of a function those tests call emptied — that an honest run must score Killed.
 */
export const mutationModules: MutationModule[] = [
  {
    name: 'identifiers',
    mutate: ['api/src/identifiers/*.ts'],
    testFiles: unit(
      'identifiers/dpid',
      'identifiers/framing',
      'identifiers/gtin',
      'identifiers/invalid-field',
      'identifiers/ipi',
      'identifiers/isni',
      'identifiers/isrc',
      'identifiers/iswc',
    ),
    planted: { file: 'api/src/identifiers/gtin.ts', functionName: 'isValidGtin' },
  },
  {
    name: 'qc-rules',
    mutate: ['api/src/qc/**/*.ts'],
    testFiles: unit(
      'qc/validate',
      'qc/title-rules',
      'qc/data-rules',
      'qc/completeness-assets',
      'qc/release-type-and-completeness',
      'qc/rule-edges',
      'qc/asset-rules',
      'qc/finding-words',
    ),
    planted: { file: 'api/src/qc/validate.ts', functionName: 'validateRelease' },
  },
  {
    name: 'policy',
    mutate: ['api/src/policy/authorize.ts', 'api/src/policy/conditions.ts', 'api/src/policy/table.ts'],
    testFiles: unit('tenancy/policy-table', 'tenancy/policy-conditions'),
    planted: { file: 'api/src/policy/authorize.ts', functionName: 'can' },
  },
  {
    name: 'release-workflow',
    mutate: ['api/src/workflow/release-workflow.ts'],
    testFiles: unit('workflow/release-state-machine'),
    planted: { file: 'api/src/workflow/release-workflow.ts', functionName: 'transitionFor' },
  },
  {
    name: 'delivery-state-machine',
    mutate: ['api/src/deliveries/state-machine.ts'],
    testFiles: unit('deliveries/state-machine'),
    planted: { file: 'api/src/deliveries/state-machine.ts', functionName: 'nextDeliveryState' },
  },
  {
    name: 'backoff',
    mutate: ['api/src/deliveries/retry.ts'],
    testFiles: unit('deliveries/backoff'),
    planted: { file: 'api/src/deliveries/retry.ts', functionName: 'backoffDelayMs' },
  },
  {
    name: 'acknowledgements',
    mutate: ['api/src/deliveries/ack/*.ts'],
    testFiles: unit(
      'deliveries/ack-file-name',
      'deliveries/parse-ack-xml',
      'deliveries/ack-outcome',
      'deliveries/ack-vocabulary',
      'deliveries/parse-ack-edges',
    ),
    planted: { file: 'api/src/deliveries/ack/ack-outcome.ts', functionName: 'ackOutcome' },
  },
  {
    name: 'callback-signature',
    mutate: ['api/src/deliveries/callback-signature.ts'],
    project: 'security',
    testFiles: ['tests/security/deliveries/callback-signature.test.ts'],
    planted: { file: 'api/src/deliveries/callback-signature.ts', functionName: 'signCallback' },
  },
  {
    name: 'upload-plan',
    mutate: [
      'api/src/deliveries/upload-plan.ts',
      'api/src/deliveries/manifest.ts',
      'api/src/deliveries/batch-id.ts',
    ],
    testFiles: unit('deliveries/choreography', 'deliveries/batch-id', 'deliveries/batch-manifest'),
    planted: { file: 'api/src/deliveries/upload-plan.ts', functionName: 'planBatch' },
  },
  {
    name: 'ern-reference-rules',
    mutate: ['api/src/ern/reference-rules.ts', 'api/src/ern/identifier-rules.ts'],
    testFiles: unit('ern/reference-rules', 'ern/reference-rules-edges'),
    planted: { file: 'api/src/ern/reference-rules.ts', functionName: 'checkReferenceRules' },
  },
  {
    name: 'outbound-guard',
    mutate: ['api/src/security/outbound-guard.ts', 'api/src/security/ip-ranges.ts'],
    project: 'security',
    testFiles: [
      'tests/security/partners/outbound-guard.test.ts',
      'tests/security/partners/outbound-guard-edges.test.ts',
    ],
    planted: { file: 'api/src/security/outbound-guard.ts', functionName: 'vetOutboundHost' },
  },
  {
    name: 'secrets',
    mutate: ['api/src/security/secrets.ts'],
    testFiles: unit('partners/secrets'),
    planted: { file: 'api/src/security/secrets.ts', functionName: 'createSecretBox' },
  },
  {
    name: 'pagination',
    mutate: ['api/src/http/pagination.ts'],
    testFiles: unit('http/pagination', 'http/pagination-date-cursor'),
    planted: { file: 'api/src/http/pagination.ts', functionName: 'keyset' },
  },
  {
    name: 'rate-limits',
    mutate: ['api/src/rate-limit/*.ts'],
    testFiles: unit(
      'rate-limit/fixed-window',
      'rate-limit/login-limiter',
      'rate-limit/request-limiter',
      'rate-limit/login-limits-configurable',
    ),
    planted: { file: 'api/src/rate-limit/fixed-window.ts', functionName: 'hit' },
  },
];
