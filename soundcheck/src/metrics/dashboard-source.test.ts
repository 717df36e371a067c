import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dashboard as source } from '../../../dashboards/soundcheck.grafana.ts';

// The metric names the panels and alert rules query are checked against the registry in alert-rules.test.ts.
describe('the Grafana dashboard', { tags: ['unit', 'reporting'] }, () => {
  test('the JSON Grafana imports is the type-checked source (npm run dashboards rewrites it)', () => {
    const imported = JSON.parse(readFileSync('dashboards/soundcheck.grafana.json', 'utf8'));
    expect(imported).toEqual(JSON.parse(JSON.stringify(source)));
  });
});
