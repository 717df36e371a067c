import type { Panel, RowPanel } from '@grafana/schema';

/**
 * The dashboard's performance rows: what the load, stress and delivery suites measured (`soundcheck_perf_*`,
 * the newest figure of each series, p95 beside the mean of the ten runs before — the p95-regression alert
 * compares the same two), and the newest `npm run bench:api` (`soundcheck_bench_*`). Part of
 * `soundcheck.grafana.ts`, type-checked against @grafana/schema like the rest of it.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a JavaScript template
const datasource = { type: 'prometheus', uid: '${datasource}' };

interface Query {
  expr: string;
  legend: string;
}

function panel(
  id: number,
  type: 'timeseries' | 'stat',
  title: string,
  gridPos: { x: number; y: number; w: number; h: number },
  queries: Query[],
  unit: string,
  extra: Pick<Panel, 'description' | 'fieldConfig' | 'options'> = {},
): Panel {
  return {
    id,
    type,
    title,
    datasource,
    gridPos,
    targets: queries.map((query, i) => ({
      refId: String.fromCharCode(65 + i),
      expr: query.expr,
      legendFormat: query.legend,
    })),
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: {},
    ...extra,
  };
}

const env = '{environment=~"$environment"}';

function row(id: number, title: string, y: number): RowPanel {
  return { id, type: 'row', title, collapsed: false, gridPos: { x: 0, y, w: 24, h: 1 }, panels: [] };
}

export const perfPanels: Array<Panel | RowPanel> = [
  row(7, 'Performance suites (load, stress, deliveries)', 14),
  panel(
    8,
    'timeseries',
    'p95 per scenario and request, against its baseline',
    { x: 0, y: 15, w: 12, h: 8 },
    [
      { expr: `soundcheck_perf_p95_seconds${env}`, legend: '{{route}}' },
      { expr: `soundcheck_perf_p95_baseline_seconds${env}`, legend: '{{route}} baseline' },
    ],
    's',
    {
      description:
        'The p95-regression alert fires when a p95 is 50% above its baseline (the mean of the ten runs before) and above 50 ms.',
    },
  ),
  panel(
    9,
    'timeseries',
    'Latency percentiles per scenario request',
    { x: 12, y: 15, w: 12, h: 8 },
    [
      { expr: `soundcheck_perf_p50_seconds${env}`, legend: '{{route}} p50' },
      { expr: `soundcheck_perf_p95_seconds${env}`, legend: '{{route}} p95' },
      { expr: `soundcheck_perf_p99_seconds${env}`, legend: '{{route}} p99' },
    ],
    's',
  ),
  panel(
    10,
    'timeseries',
    'Throughput and errors per scenario',
    { x: 0, y: 23, w: 12, h: 8 },
    [
      { expr: `soundcheck_perf_throughput_rps${env}`, legend: '{{scenario}} req/s' },
      { expr: `soundcheck_perf_errors${env}`, legend: '{{scenario}} errors' },
    ],
    'reqps',
    {
      fieldConfig: {
        defaults: { unit: 'reqps' },
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [
              { id: 'unit', value: 'short' },
              { id: 'custom.axisPlacement', value: 'right' },
              { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } },
            ],
          },
        ],
      },
    },
  ),
  panel(
    11,
    'stat',
    'Capacity: the stress knee',
    { x: 12, y: 23, w: 6, h: 8 },
    [{ expr: `soundcheck_perf_capacity_rps${env}`, legend: '{{scenario}}' }],
    'reqps',
    { description: 'Iterations/s where p99 or the error rate broke in the last stress run.' },
  ),
  panel(
    12,
    'timeseries',
    'Time to delivered (p95) per partner',
    { x: 18, y: 23, w: 6, h: 8 },
    [{ expr: `soundcheck_perf_time_to_delivered_p95_seconds${env}`, legend: '{{partner}}' }],
    's',
  ),
  row(13, 'API hot path (npm run bench:api, the newest bench run)', 31),
  panel(
    14,
    'timeseries',
    'Requests/s as a multiple of the reference, per route',
    { x: 0, y: 32, w: 8, h: 8 },
    [{ expr: 'soundcheck_bench_ratio != 1', legend: '{{route}}' }],
    'x',
    {
      description:
        'Each route against the bare Fastify + pg reference measured in the same bench run (the reference itself, at 1, is left out).',
    },
  ),
  panel(
    15,
    'timeseries',
    'Requests/s per route',
    { x: 8, y: 32, w: 8, h: 8 },
    [{ expr: 'soundcheck_bench_rps', legend: '{{route}}' }],
    'reqps',
    {
      fieldConfig: {
        defaults: { unit: 'reqps', custom: { scaleDistribution: { type: 'log', log: 10 } } },
        overrides: [],
      },
    },
  ),
  panel(
    16,
    'timeseries',
    "Server CPU per request, × the reference's",
    { x: 16, y: 32, w: 8, h: 8 },
    [{ expr: 'soundcheck_bench_cpu_ratio != 1', legend: '{{route}}' }],
    'x',
    { description: 'The figure a busy machine disturbs least: trend this one for a regression.' },
  ),
];
