import { normalizeUpc } from '../../identifiers/gtin.ts';
import type { QcRule } from '../types.ts';

/** M10: a valid UPC-A/EAN-13 (uniqueness across releases is a database constraint). */
export const m10Upc: QcRule = {
  id: 'M10',
  check(release) {
    if (normalizeUpc(release.upc)) return [];
    return [
      {
        rule: 'M10',
        severity: 'block',
        field: 'upc',
        message: `"${release.upc}" is not a UPC-A or EAN-13 with a correct check digit`,
      },
    ];
  },
};
