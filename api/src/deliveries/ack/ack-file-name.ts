import { parseBatchId } from '../batch-id.ts';

export type AckFileName =
  | { profile: 'batch'; batchId: string; releaseId: string }
  | { profile: 'release_by_release'; messageId: string; at: Date };

/**
 * Reads what an acknowledgement's file name says (DOMAIN.md §4): `ACK_<BatchId>_<ReleaseId>.xml` for the
 * batch profile, `ACK_<MessageId>_<YYYYMMDDhhmmssnnn>.xml` release by release. A MessageId may contain
 * underscores, so the release-by-release form is recognised by its trailing timestamp. Null for any other
 * name, so that stray files in the folder are ignored rather than misread.
 */
export function parseAckFileName(fileName: string): AckFileName | null {
  const match = /^ACK_(.+)_([^_]+)\.xml$/i.exec(fileName);
  if (!match) return null;
  const [, head, tail] = match as unknown as [string, string, string];
  const at = parseBatchId(tail);
  if (at) return { profile: 'release_by_release', messageId: head, at };
  if (parseBatchId(head) && /^[A-Za-z0-9]+$/.test(tail))
    return { profile: 'batch', batchId: head, releaseId: tail };
  return null;
}
