/** IPI name number (CISAC): 11 digits, the last two a mod-101 check over the first nine. */

/** The two-digit check of 9 digits: weights 10..2, r = sum mod 101, check = (101 − r) mod 100 (00 when r = 0). */
export function ipiCheckDigits(body: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * (body.charCodeAt(i) - 48);
  const remainder = sum % 101;
  const check = remainder === 0 ? 0 : (101 - remainder) % 100;
  return String(check).padStart(2, '0');
}

export function isValidIpiNameNumber(code: string): boolean {
  return /^\d{11}$/.test(code) && ipiCheckDigits(code.slice(0, 9)) === code.slice(9);
}
