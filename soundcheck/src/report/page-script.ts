/**
 * The dashboard's only script, inlined: filters the test table by status, category, tag, API area and text.
 * Rows carry `data-status`, `data-category`, `data-tags` and `data-areas` (API areas the test called); nothing is fetched.
 */
export const pageScript = `
(() => {
  const table = document.getElementById('tests');
  if (!table) return;
  const rows = [...table.querySelectorAll('tbody tr')];
  const controls = ['status', 'category', 'tag', 'area', 'search'].map((name) => document.getElementById('filter-' + name));
  const shown = document.getElementById('shown');
  function apply() {
    const [status, category, tag, area, search] = controls.map((control) => control.value.trim().toLowerCase());
    let count = 0;
    for (const row of rows) {
      const tags = row.dataset.tags ? row.dataset.tags.split(' ') : [];
      const areas = row.dataset.areas ? row.dataset.areas.split(' ') : [];
      // "needs attention" (the default) hides passed tests: a run of a thousand passes stays one screen.
      const statusMatches = status === 'attention' ? row.dataset.status !== 'passed' : row.dataset.status === status;
      const visible = (!status || statusMatches)
        && (!category || row.dataset.category === category)
        && (!tag || tags.includes(tag))
        && (!area || areas.includes(area))
        && (!search || row.textContent.toLowerCase().includes(search));
      row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = count + ' of ' + rows.length;
  }
  for (const control of controls) control.addEventListener('input', apply);
  apply();
})();
`;
