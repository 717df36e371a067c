/**
 * The dashboard's only script, inlined: filters the test table by status, category, tag and text.
 * Rows carry `data-status`, `data-category` and `data-tags`; nothing is fetched.
 */
export const pageScript = `
(() => {
  const table = document.getElementById('tests');
  if (!table) return;
  const rows = [...table.querySelectorAll('tbody tr')];
  const controls = ['status', 'category', 'tag', 'search'].map((name) => document.getElementById('filter-' + name));
  const shown = document.getElementById('shown');
  function apply() {
    const [status, category, tag, search] = controls.map((control) => control.value.trim().toLowerCase());
    let count = 0;
    for (const row of rows) {
      const tags = row.dataset.tags ? row.dataset.tags.split(' ') : [];
      // "needs attention" (the default) hides passed tests: a run of a thousand passes stays one screen.
      const statusMatches = status === 'attention' ? row.dataset.status !== 'passed' : row.dataset.status === status;
      const visible = (!status || statusMatches)
        && (!category || row.dataset.category === category)
        && (!tag || tags.includes(tag))
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
