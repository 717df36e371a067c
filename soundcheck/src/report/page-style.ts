/** The dashboard's stylesheet, inlined: the page must open from disk with no network. */
export const pageStyle = `
:root { --bg:#f5f6f8; --card:#fff; --ink:#1d2330; --muted:#6b7385; --line:#e3e6ec; --good:#1f9d55; --bad:#d64545;
  --warn:#d98b00; --flaky:#8a5cf6; --skip:#9aa3b2; --accent:#4f7cff; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--ink); }
header { padding:24px 32px; color:#fff; display:flex; gap:32px; align-items:center; flex-wrap:wrap; }
header.passed { background:linear-gradient(120deg,#157a43,#1f9d55); }
header.failed, header.crashed { background:linear-gradient(120deg,#a52a2a,#d64545); }
header.running { background:linear-gradient(120deg,#8a6100,#d98b00); }
header h1 { margin:0; font-size:28px; letter-spacing:.5px; }
header .meta { opacity:.85; font-size:13px; }
header .counts { display:flex; gap:22px; margin-left:auto; }
header .count { text-align:center; } header .count b { display:block; font-size:26px; }
main { padding:24px 32px; display:grid; gap:20px; grid-template-columns:repeat(auto-fit,minmax(420px,1fr)); align-items:start; }
section { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px 20px; min-width:0; }
section.wide { grid-column:1 / -1; }
h2 { font-size:16px; margin:0 0 12px; display:flex; gap:8px; align-items:center; }
h2 .pill, .pill { font-size:11px; padding:2px 8px; border-radius:99px; background:var(--line); color:var(--ink); font-weight:600; }
.pill.failed,.pill.infrastructure,.pill.critical,.pill.high { background:#fde2e2; color:#a52a2a; }
.pill.passed { background:#dcf3e5; color:#157a43; } .pill.flaky { background:#ece5fe; color:#5b34c7; }
.pill.skipped { background:#eceef2; color:#5b6474; } .pill.setup,.pill.teardown,.pill.warning,.pill.medium { background:#fff0d6; color:#8a6100; }
.pill.execution { background:#e2e9ff; color:#2a4fbf; }
.muted { color:var(--muted); }
table { width:100%; border-collapse:collapse; font-size:13px; }
th { text-align:left; font-weight:600; color:var(--muted); border-bottom:1px solid var(--line); padding:6px 8px; }
td { border-bottom:1px solid var(--line); padding:6px 8px; vertical-align:top; overflow-wrap:anywhere; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.failure { border-left:4px solid var(--bad); padding:8px 12px; margin:10px 0; background:#fffafa; border-radius:0 6px 6px 0; }
.failure.flaky { border-color:var(--flaky); background:#fbf9ff; }
.failure .title { font-weight:600; } .failure .file { color:var(--muted); font-size:12px; }
.failure.cluster summary { cursor:pointer; } .cluster-tests { font-size:13px; margin:6px 0 0; padding-left:18px; }
.failure .note { font-size:13px; margin-top:2px; }
pre { background:#1d2330; color:#e7eaf0; padding:10px 12px; border-radius:6px; overflow:auto; font-size:12px; max-height:320px; margin:8px 0 0; }
pre.diff .add { color:#7ee2a8; } pre.diff .del { color:#ff9b9b; }
details summary { cursor:pointer; color:var(--muted); font-size:12px; margin-top:6px; }
.filters { display:flex; gap:10px; flex-wrap:wrap; margin-bottom:10px; }
.filters select, .filters input { font:inherit; padding:5px 8px; border:1px solid var(--line); border-radius:6px; background:#fff; }
.charts { display:flex; gap:18px; flex-wrap:wrap; }
figure.spark { margin:0; } figure.spark figcaption { font-size:12px; color:var(--muted); }
figure.spark figcaption strong { color:var(--ink); margin-left:4px; }
.meter { height:8px; background:var(--line); border-radius:99px; overflow:hidden; }
.meter span { display:block; height:100%; } .meter.good span { background:var(--good); }
.meter.warn span { background:var(--warn); } .meter.bad span { background:var(--bad); }
.cov { display:grid; grid-template-columns:90px 1fr 54px; gap:8px; align-items:center; margin:6px 0; }
.tags .pill { margin-right:4px; font-weight:500; }
tr[hidden] { display:none; }
.empty { color:var(--muted); font-style:italic; }
.chart-grid { display:grid; gap:22px 28px; grid-template-columns:repeat(auto-fill,minmax(440px,1fr)); margin:10px 0 4px; }
figure.chart { margin:0; min-width:0; } figure.chart h3 { margin:0 0 2px; font-size:14px; }
p.verdict { margin:2px 0 8px; font-size:13px; padding:2px 0 2px 8px; border-left:3px solid var(--line); }
p.verdict.good { border-color:var(--good); } p.verdict.bad { border-color:var(--bad); color:#a52a2a; }
p.verdict.warn { border-color:var(--warn); }
figure.chart svg { width:100%; height:auto; display:block; overflow:visible; }
svg .grid { stroke:var(--line); } svg .axis { stroke:#c5cad4; }
svg .tick, svg .unit, svg .guide-label { font-size:10px; fill:var(--muted); } svg .unit { font-weight:600; }
svg .guide { stroke:#9aa3b2; stroke-dasharray:3 3; }
svg .marker line { stroke-width:1.5; stroke-dasharray:4 3; } svg .marker text { font-size:10px; font-weight:700; }
.legend { display:flex; gap:14px; flex-wrap:wrap; font-size:12px; color:var(--muted); margin-top:2px; }
.legend i { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:5px; vertical-align:-1px; }
.perf-entry { border-top:1px solid var(--line); padding-top:12px; margin-top:12px; }
.perf-entry > h3 { margin:0 0 2px; font-size:15px; }
.share { position:relative; height:8px; background:var(--line); border-radius:99px; min-width:120px; margin-top:5px; }
.share span { display:block; height:100%; border-radius:99px; background:var(--good); } .share.over span { background:var(--bad); }
.share b { position:absolute; top:-3px; width:2px; height:14px; background:var(--ink); }
tr.over td { background:#fff6f6; }
`;
