/**
 * DDEX Party ID (DPID): `PADPIDA` + a 10-character party number + an ISO 7064 MOD 37,36 check character
 * (DOMAIN.md §1). The ERN XSD only enforces `PADPIDA[a-zA-Z0-9]+`, so the check character is ours to verify.
 */

import { ApiError } from '../http/errors.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CANONICAL = /^PADPIDA[0-9A-Z]{11}$/;
// The display form groups the parts with hyphens: PA-DPIDA-2011072101-T.
const DISPLAY = /^PA-DPIDA-([0-9A-Z]{10})-([0-9A-Z])$/;

/** The MOD 37,36 check character of `body` (characters `0-9A-Z` only). */
export function dpidCheckCharacter(body: string): string {
  let p = 36;
  for (const char of body) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new RangeError(`"${char}" is not a DPID character`);
    p = (p + value) % 36 || 36;
    p = (p * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36]!;
}

/** Whether `code` is a canonical 18-character DPID with a correct check character. */
export function isValidDpid(code: string): boolean {
  if (!CANONICAL.test(code)) return false;
  return dpidCheckCharacter(code.slice(0, 17)) === code[17];
}

/**
 * The canonical form of a DPID typed by a person (upper-cased, display hyphens removed), or null when it
 * is not a valid DPID.
 */
export function normalizeDpid(input: string): string | null {
  const upper = input.trim().toUpperCase();
  const display = DISPLAY.exec(upper);
  const canonical = display ? `PADPIDA${display[1]}${display[2]}` : upper;
  return isValidDpid(canonical) ? canonical : null;
}

/**
 * The canonical form of a DPID sent in a request, or 400 `VALIDATION_FAILED` (`INVALID_CHECK_CHARACTER` on
 * the `dpid` field) under `message`, which names what was being saved.
 */
export function checkedDpid(raw: string, message: string): string {
  const dpid = normalizeDpid(raw);
  if (!dpid) {
    throw new ApiError('VALIDATION_FAILED', message, {
      errors: [{ field: 'dpid', code: 'INVALID_CHECK_CHARACTER', message: 'dpid fails its MOD 37,36 check' }],
    });
  }
  return dpid;
}
