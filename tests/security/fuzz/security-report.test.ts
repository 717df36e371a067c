import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { injectTransport } from 'soundcheck/client/http-client.ts';
import { writeSecurityReport } from 'soundcheck/fuzz/report-files.ts';
import { fuzz } from 'soundcheck/fuzz/runner.ts';
import { readDocument } from 'soundcheck/fuzz/spec.ts';
import { readSection } from 'soundcheck/report/extra-sections.ts';
import { describe, expect, test } from 'vitest';
import { OUTSIDER_TOKEN, OWNER_TOKEN, plantedServer, plantedSpec } from './planted-server.ts';

const sarifSchemaFile = path.resolve(import.meta.dirname, '../../fixtures/sarif/sarif-schema-2.1.0.json');

/** The vendored schema is draft-04: its `id` is spelled `$id` from draft-06 on. */
function sarifValidator() {
  const {
    id,
    $schema: _draft,
    ...schema
  } = JSON.parse(readFileSync(sarifSchemaFile, 'utf8')) as Record<string, unknown>;
  // Its language-tag pattern is not valid as a Unicode regular expression.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}

async function reportOfLeakyServer(folder: string, failOn: 'high' | 'critical' = 'high') {
  const app = plantedServer('ignores-auth');
  const report = await fuzz({
    document: readDocument('planted', plantedSpec),
    transport: injectTransport((options) => app.inject(options)),
    actor: { name: 'owner', token: () => OWNER_TOKEN },
    outsiderToken: OUTSIDER_TOKEN,
    seed: 7,
    budget: 120,
  });
  await app.close();
  writeSecurityReport(folder, report, 'openapi.json', failOn);
  return report;
}

describe('the security report', { tags: ['security', 'harness', 'reporting'] }, () => {
  test('findings.sarif is valid SARIF 2.1.0, one result per finding with its rule, OWASP and CWE tags', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'fuzz-report-'));
    try {
      const report = await reportOfLeakyServer(folder);
      const sarif = JSON.parse(readFileSync(path.join(folder, 'security', 'findings.sarif'), 'utf8'));
      const validate = sarifValidator();
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
      expect(sarif.runs[0].results).toHaveLength(report.findings.length);
      expect(sarif.runs[0].tool.driver.rules).toContainEqual(
        expect.objectContaining({
          id: 'ignored_auth',
          properties: expect.objectContaining({ tags: ['security', 'API2:2023', 'external/cwe/cwe-287'] }),
        }),
      );
      // The schema itself rejects what is not SARIF, so the validation above can fail.
      expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('findings.json carries every finding in full and is the dashboard section, failed at the severity asked', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'fuzz-report-'));
    try {
      await reportOfLeakyServer(folder);
      const file = JSON.parse(readFileSync(path.join(folder, 'security', 'findings.json'), 'utf8'));
      expect(file.findingsInFull[0]).toMatchObject({
        check: 'ignored_auth',
        owasp: 'API2:2023',
        cwe: 287,
        severity: 'critical',
        operation: expect.stringMatching(/^[A-Z]+ \/items/),
        actor: expect.stringMatching(/anonymous|forged token/),
        curl: expect.stringMatching(/^curl -i -X [A-Z]+ 'http:\/\/127\.0\.0\.1:3000\/items/),
        responseExcerpt: expect.any(String),
      });
      const [section] = readSection(folder, 'security');
      expect(section).toMatchObject({ title: 'Schema-driven fuzzing', verdict: 'failed' });
      expect(section?.findings?.[0]?.detail).toContain('curl -i');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
