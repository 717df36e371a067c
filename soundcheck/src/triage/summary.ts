import type { TestRecord } from '../reporter/test-record.ts';
import { areasOf } from './area.ts';
import { clusterDeliveryStops } from './delivery.ts';
import { clusterFailures, describeCluster } from './signature.ts';

/**
 * The CLI's failure summary: the largest clusters first, each with the API areas its tests stopped in and,
 * under it, the deliveries they drove (partner · transport · the stage each stopped at).
 */
export function clusterSummary(tests: readonly TestRecord[], shown = 5): string[] {
  const clusters = clusterFailures(tests);
  if (!clusters.length) return [];
  const lines = clusters.slice(0, shown).flatMap((cluster) => {
    const areas = [...new Set(cluster.tests.flatMap((test) => areasOf(test).slice(0, 1)))];
    const stops = clusterDeliveryStops(cluster.tests);
    return [
      `  ✗ ${describeCluster(cluster)}${areas.length ? ` [${areas.join(', ')}]` : ''}`,
      ...stops.slice(0, 3).map((stop) => `      delivery: ${stop}`),
      ...(stops.length > 3 ? [`      … and ${stops.length - 3} more deliveries`] : []),
    ];
  });
  const more = clusters.length - shown;
  return [
    `failures in ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}, largest first:`,
    ...lines,
    ...(more > 0 ? [`  … and ${more} more (see the report)`] : []),
  ];
}
