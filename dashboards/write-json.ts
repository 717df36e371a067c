// `npm run dashboards`: writes soundcheck.grafana.json (what Grafana imports) from the type-checked source.
import { writeFileSync } from 'node:fs';
import { dashboard } from './soundcheck.grafana.ts';

const file = new URL('./soundcheck.grafana.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(dashboard, null, 2)}\n`);
process.stdout.write(`wrote ${file.pathname}\n`);
