import type { Finding } from './findings.ts';

/** GitHub code scanning reads `security-severity` (0–10) to rank security results. */
const SECURITY_SEVERITY = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' } as const;
const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;

const CHECK_HELP: Record<string, string> = {
  not_a_server_error: 'The server answered 5xx: bad input must get a 4xx.',
  status_code_conformance: 'The status is not documented for the operation.',
  content_type_conformance: 'The content type is not one the spec documents for that status.',
  response_schema_conformance: 'The body does not match the response schema.',
  negative_data_rejection: 'Data the spec forbids was accepted with 2xx.',
  positive_data_acceptance: 'Data the spec admits was refused, naming no field.',
  ignored_auth:
    'A secured operation without (or with forged) credentials did not answer 401 with www-authenticate.',
  no_internals_leaked: 'A body carries a stack trace, a server path, or SQL.',
  resource_availability: 'A resource just created cannot be fetched.',
  use_after_free: 'A deleted resource still answers.',
  failed_update_unchanged: 'A refused update changed the resource.',
  existence_leak: 'Another tenant can tell an existing resource (403) from a missing one (404).',
  unsupported_method: 'A method the path lacks is not answered 405 with Allow.',
};

/**
 * The findings as SARIF 2.1.0, for GitHub code scanning: one rule per check (tagged with its OWASP API
 * Top 10 item and CWE), one result per finding located on the spec, with the `curl` line that reproduces it.
 */
export function toSarif(findings: readonly Finding[], specUri: string, toolVersion = '1.0.0'): object {
  const checks = [...new Map(findings.map((finding) => [finding.check, finding])).values()];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'soundcheck-fuzz',
            version: toolVersion,
            informationUri: 'https://github.com/soundcheck/soundcheck#security-testing',
            rules: checks.map((finding) => ({
              id: finding.check,
              name: finding.check,
              shortDescription: { text: CHECK_HELP[finding.check] ?? finding.check },
              help: {
                text: `${CHECK_HELP[finding.check] ?? ''} OWASP ${finding.owasp}, CWE-${finding.cwe}.`,
              },
              properties: {
                tags: ['security', finding.owasp, `external/cwe/cwe-${finding.cwe}`],
                'security-severity': SECURITY_SEVERITY[finding.severity],
              },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.check,
          level: LEVEL[finding.severity],
          message: {
            text: `${finding.operation} (as ${finding.actor}): ${finding.message}. Reproduce: ${finding.curl}`,
          },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: specUri } },
              logicalLocations: [{ name: finding.operation, kind: 'function' }],
            },
          ],
          partialFingerprints: { soundcheckFinding: finding.id },
          properties: {
            owasp: finding.owasp,
            cwe: finding.cwe,
            severity: finding.severity,
            status: finding.status,
            curl: finding.curl,
            confirmed: finding.confirmed,
          },
        })),
      },
    ],
  };
}
