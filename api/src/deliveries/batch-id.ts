const BATCH_ID = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The DDEX batch id `YYYYMMDDhhmmssnnn` (UTC, milliseconds) of an instant. Partners process batches in
 * the order of these names (DOMAIN.md §4), so they come from the clock and never from a counter.
 */
export function batchIdAt(at: Date): string {
  return (
    `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}${pad(at.getUTCMilliseconds(), 3)}`
  );
}

/** The instant a batch id names, or null when the text is not a real `YYYYMMDDhhmmssnnn` instant. */
export function parseBatchId(text: string): Date | null {
  const match = BATCH_ID.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second, ms] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 2025-02-30 over to March: a round trip catches impossible dates.
  return batchIdAt(at) === text ? at : null;
}
