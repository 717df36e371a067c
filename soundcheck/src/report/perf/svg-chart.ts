import { formatNumber } from '../charts.ts';
import { html, type Raw } from '../escape.ts';

export interface ChartPoint {
  x: number;
  /** null: not measured there (a gap in the line, no bar). */
  y: number | null;
}

export interface ChartSeries {
  name: string;
  colour: string;
  points: readonly ChartPoint[];
  /** Bars suit counts per second (errors); lines suit everything else. */
  kind?: 'line' | 'bars';
  /** A series on the right-hand axis has its own scale and unit (`rightUnit`). */
  axis?: 'left' | 'right';
  dashed?: boolean;
}

/** A vertical line at an x value, labelled: the stress knee, a change point. */
export interface ChartMarker {
  x: number;
  label: string;
  colour?: string;
}

/** A horizontal line at a y value of the left axis, labelled: a budget, a goal. */
export interface ChartGuide {
  y: number;
  label: string;
}

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';

export interface ChartOptions {
  title: string;
  /** One line above the chart that says what it shows, read before the chart. */
  verdict: string;
  tone?: Tone;
  xLabel: string;
  yUnit: string;
  rightUnit?: string;
  series: readonly ChartSeries[];
  markers?: readonly ChartMarker[];
  guides?: readonly ChartGuide[];
  /** How an x value is written under the axis (seconds, a commit). */
  xTick?: (x: number) => string;
  /** x values to label; by default about six evenly spaced. */
  xTicks?: readonly number[];
  logY?: boolean;
  /** Draw a line across runs that did not measure the series (history), rather than break it (a run's seconds). */
  connectGaps?: boolean;
}

const width = 560;
const height = 220;
const margin = { top: 24, right: 52, bottom: 34, left: 56 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/** Round tick values covering [min, max]: 1, 2 or 5 × a power of ten apart. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    ticks.push(Math.round(v / step) * step);
  return ticks;
}

interface Scale {
  at(v: number): number;
  ticks: number[];
}

function linearScale(values: readonly number[], guides: readonly number[] = []): Scale {
  const all = [...values, ...guides];
  const max = Math.max(...all, 0) || 1;
  const min = Math.min(...all, 0);
  const ticks = niceTicks(min, max);
  // One more tick above the highest value, so the top point sits under a labelled line.
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 0;
  if (step && (ticks.at(-1) ?? max) < max) ticks.push(Math.round(((ticks.at(-1) ?? 0) + step) / step) * step);
  const top = Math.max(max, ticks.at(-1) ?? max);
  return { at: (v) => margin.top + plotHeight - ((v - min) / (top - min || 1)) * plotHeight, ticks };
}

function logScale(values: readonly number[], guides: readonly number[] = []): Scale {
  const all = [...values, ...guides].filter((v) => v > 0);
  const lo = all.length ? 10 ** Math.floor(Math.log10(Math.min(...all))) : 1;
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...all, lo * 10)));
  const ticks: number[] = [];
  for (let v = lo; v <= hi; v *= 10) ticks.push(v);
  const span = Math.log10(hi) - Math.log10(lo) || 1;
  return {
    at: (v) => margin.top + plotHeight - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / span) * plotHeight,
    ticks,
  };
}

const yValues = (series: readonly ChartSeries[]) =>
  series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));

/** Polyline segments of a series: a null point breaks the line. */
function segments(
  points: readonly ChartPoint[],
  x: (v: number) => number,
  y: (v: number) => number,
  connectGaps: boolean,
) {
  const runs: string[][] = [[]];
  for (const point of points) {
    if (point.y === null) {
      if (!connectGaps) runs.push([]);
    } else runs.at(-1)!.push(`${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`);
  }
  return runs.filter((run) => run.length);
}

/** A chart as inline SVG with its title, one-line verdict, axes with units, and a legend. */
export function chart(options: ChartOptions): Raw {
  const left = options.series.filter((s) => s.axis !== 'right');
  const right = options.series.filter((s) => s.axis === 'right');
  const guideValues = (options.guides ?? []).map((g) => g.y);
  const ly = options.logY ? logScale(yValues(left), guideValues) : linearScale(yValues(left), guideValues);
  const ry = right.length ? linearScale(yValues(right)) : null;
  const xs = options.series.flatMap((s) => s.points.map((p) => p.x));
  const xMin = Math.min(...xs, ...(options.markers ?? []).map((m) => m.x));
  const xMax = Math.max(...xs, ...(options.markers ?? []).map((m) => m.x));
  const x = (v: number) =>
    margin.left + (xMax === xMin ? plotWidth / 2 : ((v - xMin) / (xMax - xMin)) * plotWidth);
  const tick = options.xTick ?? ((v: number) => formatNumber(v));
  const xTicks = options.xTicks ?? niceTicks(xMin, xMax, 6).filter((v) => v >= xMin && v <= xMax);
  const barWidth = Math.max(1.5, Math.min(10, (plotWidth / Math.max(1, new Set(xs).size)) * 0.6));
  const baseY = margin.top + plotHeight;
  const dots = (s: ChartSeries, y: (v: number) => number) =>
    s.points.length > 40
      ? ''
      : s.points.map((p) =>
          p.y === null
            ? ''
            : html`<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="2.6" fill="${s.colour}"><title>${s.name}: ${formatNumber(p.y)} ${s.axis === 'right' ? (options.rightUnit ?? '') : options.yUnit} at ${tick(p.x)}</title></circle>`,
        );
  const draw = (s: ChartSeries, y: (v: number) => number) =>
    s.kind === 'bars'
      ? html`${s.points.map((p) =>
          p.y === null || p.y === 0
            ? ''
            : html`<rect class="bar" x="${(x(p.x) - barWidth / 2).toFixed(1)}" y="${y(p.y).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${Math.max(1, baseY - y(p.y)).toFixed(1)}" fill="${s.colour}" opacity="0.75"><title>${s.name}: ${formatNumber(p.y)} at ${tick(p.x)}</title></rect>`,
        )}`
      : html`${segments(s.points, x, y, options.connectGaps ?? false).map((run) => html`<polyline class="line" fill="none" stroke="${s.colour}" stroke-width="2" stroke-linejoin="round"${s.dashed ? html` stroke-dasharray="5 4"` : ''} points="${run.join(' ')}"/>`)}${dots(s, y)}`;
  return html`<figure class="chart">
    <figcaption><h3>${options.title}</h3><p class="verdict ${options.tone ?? 'neutral'}">${options.verdict}</p></figcaption>
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${options.title}">
      ${ly.ticks.map((t) => html`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${ly.at(t).toFixed(1)}" y2="${ly.at(t).toFixed(1)}"/><text class="tick" x="${margin.left - 6}" y="${(ly.at(t) + 4).toFixed(1)}" text-anchor="end">${formatNumber(t)}</text>`)}
      ${ry ? ry.ticks.map((t) => html`<text class="tick right" x="${width - margin.right + 6}" y="${(ry.at(t) + 4).toFixed(1)}">${formatNumber(t)}</text>`) : ''}
      <text class="unit" x="${margin.left - 6}" y="${margin.top - 12}" text-anchor="end">${options.yUnit}</text>
      ${ry ? html`<text class="unit" x="${width - margin.right + 6}" y="${margin.top - 12}">${options.rightUnit ?? ''}</text>` : ''}
      <line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${baseY}" y2="${baseY}"/>
      ${xTicks.map((t) => html`<text class="tick" x="${x(t).toFixed(1)}" y="${baseY + 15}" text-anchor="middle">${tick(t)}</text>`)}
      <text class="unit" x="${margin.left + plotWidth / 2}" y="${height - 3}" text-anchor="middle">${options.xLabel}</text>
      ${(options.guides ?? []).map((g) => html`<line class="guide" x1="${margin.left}" x2="${width - margin.right}" y1="${ly.at(g.y).toFixed(1)}" y2="${ly.at(g.y).toFixed(1)}"/><text class="guide-label" x="${margin.left + 4}" y="${(ly.at(g.y) - 4).toFixed(1)}">${g.label}</text>`)}
      ${ry ? right.map((s) => draw(s, ry.at)) : ''}
      ${left.map((s) => draw(s, ly.at))}
      ${(options.markers ?? []).map((m) => html`<g class="marker"><line x1="${x(m.x).toFixed(1)}" x2="${x(m.x).toFixed(1)}" y1="${margin.top}" y2="${baseY}" stroke="${m.colour ?? '#d64545'}"/><text x="${(x(m.x) + 4).toFixed(1)}" y="${margin.top + 10}" fill="${m.colour ?? '#d64545'}">${m.label}</text></g>`)}
    </svg>
    <div class="legend">${options.series.map((s) => html`<span><i style="background:${s.colour}"></i>${s.name}${s.axis === 'right' && options.rightUnit ? html` (${options.rightUnit}, right)` : ''}</span>`)}</div>
  </figure>`;
}
