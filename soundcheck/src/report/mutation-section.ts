import type { MutationView } from '../analytics/mutation.ts';
import { meter, sparkline } from './charts.ts';
import { html, type Raw } from './escape.ts';

/** Mutation score per module with its trend, and the mutants no test kills yet (`npm run mutation`). */
export function mutationSection(view: MutationView | undefined): Raw {
  if (!view?.modules.length)
    return html`<section id="mutation"><h2>Mutation score</h2><p class="empty">No mutation run in the history yet (npm run mutation).</p></section>`;
  const alive = view.survivors.filter((s) => !s.equivalent);
  const equivalents = view.survivors.length - alive.length;
  return html`<section id="mutation" class="wide"><h2>Mutation score <span class="pill">last ${view.runs} mutation runs</span></h2>
    <table><thead><tr><th>module</th><th>score</th><th class="num"></th><th>trend</th><th class="num">surviving</th></tr></thead><tbody>
    ${view.modules.map(
      (
        m,
      ) => html`<tr><td>${m.module}</td><td>${meter(m.latestPct, `${m.module} mutation score`)}</td><td class="num">${m.latestPct}%</td>
      <td>${sparkline(m.scores, { label: m.module, unit: '%', max: 100, colour: '#8a5cf6' })}</td>
      <td class="num">${alive.filter((s) => s.module === m.module).length}</td></tr>`,
    )}
    </tbody></table>
    <h3>Surviving mutants <span class="pill">${alive.length}</span>${equivalents ? html` <span class="pill">${equivalents} documented equivalents</span>` : ''}</h3>
    ${
      alive.length
        ? html`<table><tbody>${alive.slice(0, 100).map((s) => html`<tr><td>${s.mutant}<div class="muted">${s.module} · ${s.file}</div></td><td class="muted">${s.why ?? ''}</td></tr>`)}</tbody></table>`
        : html`<p class="empty">Every mutant is killed or documented in tests/mutation-equivalents.md.</p>`
    }
  </section>`;
}
