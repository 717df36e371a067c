import { ernIdentifierRules } from './identifier-rules.ts';
import type { MessageKind } from './types.ts';
import { childElements, childText, descendants, parseXml, XmlParseError } from './xml-dom.ts';

/**
 * What a rule found. `code` is the DDEX ErncFileStatus a partner would answer with, so our refusal and
 * theirs read the same.
 */
export interface RuleFinding {
  code:
    | 'NewReleaseMessageInvalid'
    | 'ReferenceUnresolved'
    | 'NoDealInNewReleaseMessage'
    | 'NoDealForTrackRelease'
    | 'IdentifierInvalid'
    | 'IdentifierSyntaxInvalid';
  message: string;
}

const texts = (root: Element, localName: string) =>
  descendants(root, localName).map((e) => (e.textContent ?? '').trim());

/** Anchors (PartyReference, ResourceReference…) must be unique; returns the set of declared ones. */
function declared(root: Element, localName: string, findings: RuleFinding[]): Set<string> {
  const seen = new Set<string>();
  for (const value of texts(root, localName)) {
    if (seen.has(value)) {
      findings.push({ code: 'NewReleaseMessageInvalid', message: `${localName} ${value} is declared twice` });
    }
    seen.add(value);
  }
  return seen;
}

function resolves(root: Element, localName: string, anchors: Set<string>, findings: RuleFinding[]) {
  for (const value of new Set(texts(root, localName))) {
    if (!anchors.has(value)) {
      findings.push({
        code: 'ReferenceUnresolved',
        message: `${localName} ${value} refers to nothing in the message`,
      });
    }
  }
}

function checkReferences(root: Element, findings: RuleFinding[]) {
  const parties = declared(root, 'PartyReference', findings);
  const resources = declared(root, 'ResourceReference', findings);
  const releases = declared(root, 'ReleaseReference', findings);
  const technical = declared(root, 'TechnicalResourceDetailsReference', findings);
  for (const name of ['ArtistPartyReference', 'ContributorPartyReference', 'ReleaseLabelReference']) {
    resolves(root, name, parties, findings);
  }
  for (const name of ['ReleaseResourceReference', 'LinkedReleaseResourceReference']) {
    resolves(root, name, resources, findings);
  }
  resolves(root, 'DealReleaseReference', releases, findings);
  resolves(root, 'DealTechnicalResourceDetailsReference', technical, findings);
}

function checkDeals(root: Element, kind: MessageKind, findings: RuleFinding[]) {
  const [dealList] = childElements(root, 'DealList');
  if (kind === 'takedown') {
    // A takedown is the release re-sent with no deal at all (ERN 4 §6.19.4); any deal would keep it live.
    if (dealList)
      findings.push({ code: 'NewReleaseMessageInvalid', message: 'a takedown must not carry a DealList' });
    return;
  }
  if (!dealList) {
    findings.push({ code: 'NoDealInNewReleaseMessage', message: 'the message has no DealList' });
    return;
  }
  const dealt = new Set<string>();
  for (const releaseDeal of childElements(dealList, 'ReleaseDeal')) {
    if (childElements(releaseDeal, 'Deal').length === 0) continue;
    for (const ref of childElements(releaseDeal, 'DealReleaseReference'))
      dealt.add((ref.textContent ?? '').trim());
  }
  const [releaseList] = childElements(root, 'ReleaseList');
  for (const release of releaseList ? childElements(releaseList) : []) {
    const ref = childText(release, 'ReleaseReference');
    if (ref !== null && !dealt.has(ref)) {
      findings.push({ code: 'NoDealForTrackRelease', message: `${release.localName} ${ref} has no deal` });
    }
  }
}

function checkIdentifiers(root: Element, findings: RuleFinding[]) {
  const isrcs = texts(root, 'ISRC');
  const seen = new Set<string>();
  for (const isrc of isrcs) {
    if (!ernIdentifierRules.isrc(isrc)) {
      findings.push({
        code: 'IdentifierSyntaxInvalid',
        message: `ISRC "${isrc}" is not 12 characters CCXXXYYNNNNN`,
      });
    } else if (seen.has(isrc)) {
      findings.push({ code: 'IdentifierInvalid', message: `ISRC ${isrc} is used by two sound recordings` });
    }
    seen.add(isrc);
  }
  const checks: Array<[string, (value: string) => boolean, string]> = [
    ['ICPN', ernIdentifierRules.icpn, 'a UPC-A or EAN-13 with a valid check digit'],
    ['DPID', ernIdentifierRules.dpid, 'a DPID with a valid check character'],
    ['ISNI', ernIdentifierRules.isni, 'an ISNI with a valid check character'],
    [
      'IpiNameNumber',
      ernIdentifierRules.ipiNameNumber,
      'an 11-digit IPI name number with valid check digits',
    ],
    ['ISWC', ernIdentifierRules.iswc, 'an ISWC with a valid check digit'],
  ];
  for (const [element, valid, expected] of checks) {
    for (const value of texts(root, element)) {
      if (!valid(value))
        findings.push({ code: 'IdentifierInvalid', message: `${element} "${value}" is not ${expected}` });
    }
  }
  // Sender and recipient are written as bare PartyId in the header; they must be DPIDs too.
  const [header] = childElements(root, 'MessageHeader');
  for (const party of header
    ? [...childElements(header, 'MessageSender'), ...childElements(header, 'MessageRecipient')]
    : []) {
    const id = childText(party, 'PartyId') ?? '';
    if (!ernIdentifierRules.dpid(id)) {
      findings.push({
        code: 'IdentifierInvalid',
        message: `${party.localName} PartyId "${id}" is not a valid DPID`,
      });
    }
  }
}

/**
 * The rules of an ERN 4.3 message that its XSD cannot express (DOMAIN.md §9): every reference resolves and
 * every anchor is unique, every release of a new/update message has a deal (and a takedown has none),
 * ISRCs are unique, and every identifier is syntactically valid with a correct check character.
 * Returns the findings; an empty list means the message passes.
 */
export function checkReferenceRules(xml: string, kind: MessageKind): RuleFinding[] {
  let root: Element;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return [{ code: 'NewReleaseMessageInvalid', message: error.message }];
    throw error;
  }
  const findings: RuleFinding[] = [];
  checkReferences(root, findings);
  if (kind !== 'purge') checkDeals(root, kind, findings);
  checkIdentifiers(root, findings);
  return findings;
}
