import type { Dashboard } from '@grafana/schema';
import { perfPanels } from './perf-panels.grafana.ts';

/**
 * The Grafana dashboard, type-checked against Grafana's own published types (@grafana/schema) by
 * `npm run typecheck`: a misspelt field, a wrong panel option or an unknown variable type fails it, with
 * no Grafana installed. `soundcheck.grafana.json` (what Grafana imports) is written from it by
 * `npm run dashboards`, and a test keeps the two equal.
 */
export const dashboard = {
  title: 'Soundcheck',
  uid: 'soundcheck',
  schemaVersion: 39,
  version: 1,
  editable: true,
  description:
    'Soundcheck QA runs: results, flaky tests, test time, API response times, the performance suites and the API bench (metrics from `soundcheck serve` /metrics or the Pushgateway).',
  time: {
    from: 'now-7d',
    to: 'now',
  },
  refresh: '1m',
  tags: ['soundcheck', 'qa'],
  templating: {
    list: [
      {
        name: 'datasource',
        type: 'datasource',
        query: 'prometheus',
        label: 'Prometheus',
      },
      {
        name: 'environment',
        type: 'query',
        datasource: {
          type: 'prometheus',
          uid: '${datasource}',
        },
        query: 'label_values(soundcheck_runs, environment)',
        includeAll: true,
        multi: true,
        current: {
          text: 'All',
          value: '$__all',
        },
        refresh: 2,
      },
    ],
  },
  annotations: {
    list: [],
  },
  panels: [
    {
      id: 1,
      type: 'stat',
      title: 'Tests in the newest run',
      datasource: {
        type: 'prometheus',
        uid: '${datasource}',
      },
      gridPos: {
        x: 0,
        y: 0,
        w: 8,
        h: 6,
      },
      targets: [
        {
          refId: 'A',
          expr: 'soundcheck_last_run_tests{environment=~"$environment"}',
          legendFormat: '{{status}}',
        },
      ],
      fieldConfig: {
        defaults: {},
        overrides: [],
      },
      options: {},
    },
    {
      id: 2,
      type: 'stat',
      title: 'Failure ratio',
      datasource: {
        type: 'prometheus',
        uid: '${datasource}',
      },
      gridPos: {
        x: 8,
        y: 0,
        w: 4,
        h: 6,
      },
      targets: [
        {
          refId: 'A',
          expr: 'soundcheck_last_run_failure_ratio{environment=~"$environment"}',
          legendFormat: '',
        },
      ],
      fieldConfig: {
        defaults: {
          unit: 'percentunit',
        },
        overrides: [],
      },
      options: {},
    },
    {
      id: 3,
      type: 'stat',
      title: 'Flaky tests (last 50 runs)',
      datasource: {
        type: 'prometheus',
        uid: '${datasource}',
      },
      gridPos: {
        x: 12,
        y: 0,
        w: 4,
        h: 6,
      },
      targets: [
        {
          refId: 'A',
          expr: 'soundcheck_flaky_tests{environment=~"$environment"}',
          legendFormat: '',
        },
      ],
      fieldConfig: {
        defaults: {},
        overrides: [],
      },
      options: {},
    },
    {
      id: 4,
      type: 'piechart',
      title: 'Runs by verdict',
      datasource: {
        type: 'prometheus',
        uid: '${datasource}',
      },
      gridPos: {
        x: 16,
        y: 0,
        w: 8,
        h: 6,
      },
      targets: [
        {
          refId: 'A',
          expr: 'soundcheck_runs{environment=~"$environment"}',
          legendFormat: '{{verdict}}',
        },
      ],
      fieldConfig: {
        defaults: {},
        overrides: [],
      },
      options: {},
    },
    {
      id: 5,
      type: 'timeseries',
      title: 'Test time of the newest run',
      datasource: {
        type: 'prometheus',
        uid: '${datasource}',
      },
      gridPos: {
        x: 0,
        y: 6,
        w: 12,
        h: 8,
      },
      targets: [
        {
          refId: 'A',
          expr: 'soundcheck_last_run_duration_seconds{environment=~"$environment"}',
          legendFormat: 'summed test time',
        },
        {
          refId: 'B',
          expr: 'soundcheck_last_run_test_duration_p95_seconds{environment=~"$environment"}',
          legendFormat: 'p95 test',
        },
      ],
      fieldConfig: {
        defaults: {
          unit: 's',
        },
        overrides: [],
      },
      options: {},
    },
    {
      id: 6,
      type: 'timeseries',
      title: 'API p95 seen by tests, per route',
      datasource: {
        type: 'prometheus',
        uid: '${datasource}',
      },
      gridPos: {
        x: 12,
        y: 6,
        w: 12,
        h: 8,
      },
      targets: [
        {
          refId: 'A',
          expr: 'soundcheck_api_response_p95_seconds{environment=~"$environment"}',
          legendFormat: '{{route}}',
        },
        {
          refId: 'B',
          expr: 'soundcheck_api_response_p95_baseline_seconds{environment=~"$environment"}',
          legendFormat: '{{route}} baseline',
        },
      ],
      fieldConfig: {
        defaults: {
          unit: 's',
        },
        overrides: [],
      },
      options: {},
    },
    ...perfPanels,
  ],
} satisfies Dashboard;
