import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dashboard as source } from '../../../dashboards/soundcheck.grafana.ts';

// The metric names the panels and alert rules query are checked against the registry in alert-rules.test.ts.
describe('the Grafana dashboard', { tags: ['unit', 'reporting'] }, () => {
  test('the JSON Grafana imports is the type-checked source (npm run dashboards rewrites it)', () => {
    const imported = JSON.parse(readFileSync('dashboards/soundcheck.grafana.json', 'utf8'));
    expect(imported).toEqual(JSON.parse(JSON.stringify(source)));
  });

  test('every panel has its own id and place on the grid, a unit and a query (rows hold nothing)', () => {
    const panels = source.panels as Array<{
      id: number;
      type: string;
      title?: string;
      gridPos: { x: number; y: number; w: number; h: number };
      targets?: Array<{ expr?: string }>;
      fieldConfig?: { defaults?: { unit?: string } };
    }>;
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    const problems: string[] = [];
    const cells = new Map<string, string>();
    for (const panel of panels) {
      const { x, y, w, h } = panel.gridPos;
      if (x < 0 || x + w > 24) problems.push(`${panel.title} is wider than the grid`);
      for (let row = y; row < y + h; row++)
        for (let column = x; column < x + w; column++) {
          const other = cells.get(`${row},${column}`);
          if (other) problems.push(`${panel.title} overlaps ${other}`);
          cells.set(`${row},${column}`, panel.title ?? String(panel.id));
        }
      if (panel.type === 'row') continue;
      if (!panel.title) problems.push(`panel ${panel.id} has no title`);
      if (!panel.targets?.length || panel.targets.some((t) => !t.expr))
        problems.push(`${panel.title} has no query`);
      // Stats and pies of counts are unitless by design; a time series or a stat of a figure needs its unit.
      if (panel.type === 'timeseries' && !panel.fieldConfig?.defaults?.unit)
        problems.push(`${panel.title} has no unit`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
