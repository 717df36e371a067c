import { checkLeadTimes } from '@soundcheck/api/deliveries/create.ts';
import { ApiError } from '@soundcheck/api/http/errors.ts';
import type { PartnerRow } from '@soundcheck/api/partners/tables.ts';
import { describe, expect, test } from 'vitest';

const partner = (name: string, leadTimeDays: number) => ({ name, leadTimeDays }) as PartnerRow;

function refusal(run: () => void) {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  return null;
}

describe('the lead-time guard of a first delivery', { tags: ['unit', 'delivery'] }, () => {
  const now = new Date('2025-03-28T23:30:00Z');

  test('a release date exactly lead-time days ahead passes; one day less is refused', () => {
    expect(refusal(() => checkLeadTimes({ releaseDate: '2025-04-11' }, [partner('A', 14)], now))).toBeNull();
    const refused = refusal(() => checkLeadTimes({ releaseDate: '2025-04-10' }, [partner('A', 14)], now));
    expect(refused?.code).toBe('BUSINESS_RULE_VIOLATED');
    expect(refused?.status).toBe(422);
    expect(refused?.errors).toEqual([
      {
        field: 'releaseDate',
        code: 'LEAD_TIME',
        message: 'A needs the release by 2025-04-11 or later (lead time 14 days)',
      },
    ]);
  });

  test('days are counted in UTC calendar days, across month ends', () => {
    // 23:30 UTC is still the 28th: zero lead time allows today, not yesterday.
    expect(refusal(() => checkLeadTimes({ releaseDate: '2025-03-28' }, [partner('Z', 0)], now))).toBeNull();
    expect(
      refusal(() => checkLeadTimes({ releaseDate: '2025-03-27' }, [partner('Z', 0)], now)),
    ).not.toBeNull();
    expect(refusal(() => checkLeadTimes({ releaseDate: '2025-04-01' }, [partner('B', 4)], now))).toBeNull();
  });

  test('only the partners whose lead time is not met are named', () => {
    const refused = refusal(() =>
      checkLeadTimes(
        { releaseDate: '2025-04-05' },
        [partner('Near', 3), partner('Far', 30), partner('Mid', 9)],
        now,
      ),
    );
    expect((refused?.errors ?? []).map((error) => error.message.split(' ')[0])).toEqual(['Far', 'Mid']);
  });

  test('no partners, nothing to check', () => {
    expect(refusal(() => checkLeadTimes({ releaseDate: '2000-01-01' }, [], now))).toBeNull();
  });
});
