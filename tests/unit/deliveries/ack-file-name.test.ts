import { parseAckFileName } from '@soundcheck/api/deliveries/ack/ack-file-name.ts';
import { describe, expect, test } from 'vitest';

describe('acknowledgement file names', { tags: ['unit', 'delivery'] }, () => {
  test('batch: ACK_<BatchId>_<ReleaseId>.xml', () => {
    expect(parseAckFileName('ACK_20250307090501042_0012345678905.xml')).toEqual({
      profile: 'batch',
      batchId: '20250307090501042',
      releaseId: '0012345678905',
    });
  });

  test('release by release: ACK_<MessageId>_<timestamp>.xml, even when the MessageId has underscores', () => {
    expect(parseAckFileName('ACK_MSG_5901234123457_new_20250307110000000.xml')).toEqual({
      profile: 'release_by_release',
      messageId: 'MSG_5901234123457_new',
      at: new Date('2025-03-07T11:00:00.000Z'),
    });
  });

  test.each([
    'BatchComplete_20250307090501042.xml',
    'ACK_20250307090501042_0012345678905.xml.tmp',
    'ACK_.xml',
    'ACK_20250307090501042_.xml',
    'ACK_notabatch_0012345678905.xml',
    'ACK_20250230090501042_0012345678905.xml',
    'ACK_20250307090501042_../../etc.xml',
    // A release id is letters and digits to its end: a trailing '-x' or '.' is not one.
    'ACK_20250307090501042_0012345678905-x.xml',
    'ACK_20250307090501042_0012345678905..xml',
    '.ACK_20250307090501042_0012345678905.xml',
  ])('%s is not an acknowledgement file and is ignored', (name) => {
    expect(parseAckFileName(name)).toBeNull();
  });
});
