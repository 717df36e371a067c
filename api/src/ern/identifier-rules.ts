import { isValidDpid } from '../identifiers/dpid.ts';
import { isValidGtin } from '../identifiers/gtin.ts';
import { isValidIpiNameNumber } from '../identifiers/ipi.ts';
import { normalizeIsni } from '../identifiers/isni.ts';
import { normalizeIsrc } from '../identifiers/isrc.ts';
import { normalizeIswc } from '../identifiers/iswc.ts';

/**
 * Identifier checks as they apply inside an ERN: a message carries canonical forms only, so a value
 * counts as valid when it is already in its normalised form (no hyphens, spaces or lower case).
 */
export const ernIdentifierRules = {
  isrc: (value: string) => normalizeIsrc(value) === value,
  /** ICPN: a UPC-A or EAN-13 with a valid GS1 check digit. */
  icpn: (value: string) => /^\d{12,13}$/.test(value) && isValidGtin(value),
  dpid: (value: string) => isValidDpid(value),
  isni: (value: string) => normalizeIsni(value) === value,
  ipiNameNumber: (value: string) => isValidIpiNameNumber(value),
  iswc: (value: string) => normalizeIswc(value) === value,
} as const;
