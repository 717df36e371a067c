import { childElements, childText, descendants, parseXml, XmlParseError } from '../../ern/xml-dom.ts';
import { type AcknowledgedRelease, type Acknowledgement, AckParseError } from './acknowledgement.ts';
import { isErncFileStatus, isProposedActionType, isSupplyChainStatus } from './vocabulary.ts';

/** Acknowledgements are a few kilobytes; anything much larger is not one. */
const MAX_ACK_BYTES = 1024 * 1024;

function releaseIdOf(release: Element): string | null {
  const [id] = childElements(release, 'ReleaseId');
  if (!id) return null;
  // <ReleaseId><ICPN>…</ICPN></ReleaseId>, <ReleaseId><GRid>…</GRid></ReleaseId>, or a bare value.
  const [inner] = childElements(id);
  return ((inner ?? id).textContent ?? '').trim() || null;
}

function parseRelease(release: Element, index: number): AcknowledgedRelease {
  const status = childText(release, 'ReleaseStatus') ?? childText(release, 'Status');
  if (!status) throw new AckParseError(`acknowledged release ${index + 1} has no ReleaseStatus`);
  const manual = childText(release, 'ManualCheckRequired');
  if (manual !== null && !['true', 'false', '1', '0'].includes(manual)) {
    throw new AckParseError(`ManualCheckRequired must be true or false (got "${manual}")`);
  }
  const action = childText(release, 'ProposedActionType');
  return {
    releaseId: releaseIdOf(release),
    status: isSupplyChainStatus(status) ? status : { unknown: status },
    errorText: childText(release, 'ErrorText') || null,
    // An action we do not know is advice we cannot follow; the status still decides the outcome.
    proposedAction: action && isProposedActionType(action) ? action : null,
    manualCheckRequired: manual === 'true' || manual === '1',
  };
}

/**
 * Reads a partner's acknowledgement file. Tolerant of namespaces and prefixes (elements are matched by
 * local name) and of the ECHO root names (`ErnAcknowledgementStatusMessage`, `AcknowledgementMessage`…);
 * strict about content: it must be well-formed, name the acknowledged MessageId and carry a file status.
 * Anything else throws an AckParseError saying what is missing.
 */
export function parseAckXml(xml: string): Acknowledgement {
  if (Buffer.byteLength(xml) > MAX_ACK_BYTES)
    throw new AckParseError('the acknowledgement is larger than 1 MiB');
  let root: Element;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new AckParseError(`the acknowledgement is not XML: ${error.message}`);
    throw error;
  }
  if (!/Acknowledgement/i.test(root.localName)) {
    throw new AckParseError(`the root element is ${root.localName}, not an acknowledgement message`);
  }
  const [acknowledged] = descendants(root, 'AcknowledgedMessage');
  const messageId =
    (acknowledged ? childText(acknowledged, 'MessageId') : null) ??
    descendants(root, 'AcknowledgedMessageId')[0]?.textContent?.trim() ??
    null;
  if (!messageId) throw new AckParseError('the acknowledgement does not name the acknowledged MessageId');
  const scope = acknowledged ?? root;
  const fileStatus = childText(scope, 'FileStatus') ?? childText(scope, 'MessageStatus');
  if (!fileStatus) throw new AckParseError(`the acknowledgement of ${messageId} has no FileStatus`);
  return {
    messageId,
    fileStatus: isErncFileStatus(fileStatus) ? fileStatus : { unknown: fileStatus },
    releases: descendants(root, 'AcknowledgedRelease').map(parseRelease),
    errorText: childText(scope, 'ErrorText') || null,
  };
}
