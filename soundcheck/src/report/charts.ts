import { html, type Raw } from './escape.ts';

/**
 * A small line chart as inline SVG (the page loads nothing): one value per run, oldest first. A run that
 * did not measure the value (null) keeps its place on the x axis, so every chart lines up run by run.
 */
export function sparkline(
  series: ReadonlyArray<number | null>,
  options: { label: string; unit: string; max?: number; colour?: string },
): Raw {
  const width = 260;
  const height = 64;
  const pad = 6;
  const values = series.filter((v) => v !== null);
  if (values.length === 0) return html`<p class="muted">no history yet</p>`;
  const max = options.max ?? Math.max(...values, 1);
  const min = options.max !== undefined ? 0 : Math.min(...values, 0);
  const span = max - min || 1;
  const x = (i: number) =>
    pad + (series.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (series.length - 1));
  const y = (v: number) => height - pad - ((v - min) / span) * (height - 2 * pad);
  const measured = series.flatMap((v, i) =>
    v === null ? [] : [{ v, cx: x(i).toFixed(1), cy: y(v).toFixed(1) }],
  );
  const points = measured.map((p) => `${p.cx},${p.cy}`).join(' ');
  const last = values.at(-1) ?? 0;
  const colour = options.colour ?? '#4f7cff';
  return html`<figure class="spark">
    <figcaption>${options.label} <strong>${formatNumber(last)}${options.unit}</strong></figcaption>
    <svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${options.label} over the last ${series.length} runs">
      <polyline fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round" points="${points}"/>
      ${measured.map((p) => html`<circle cx="${p.cx}" cy="${p.cy}" r="2.5" fill="${colour}"><title>${formatNumber(p.v)}${options.unit}</title></circle>`)}
    </svg>
  </figure>`;
}

/** A horizontal bar for a share (0–100): pass rate, coverage. */
export function meter(pct: number, label: string): Raw {
  const clamped = Math.max(0, Math.min(100, pct));
  const tone = clamped >= 80 ? 'good' : clamped >= 50 ? 'warn' : 'bad';
  return html`<div class="meter ${tone}" title="${label}: ${clamped}%"><span style="width:${clamped}%"></span></div>`;
}

export function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

export function formatMs(ms: number): string {
  if (ms >= 60_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${formatNumber(ms)} ms`;
}
