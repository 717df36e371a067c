import { create } from 'xmlbuilder2';
import { appendDeals } from './build/deals.ts';
import { appendHeader } from './build/header.ts';
import { appendParties } from './build/parties.ts';
import { appendReleases } from './build/releases.ts';
import { appendResources } from './build/resources.ts';
import { branch, leaf } from './build/xml.ts';
import type { ErnInput, ErnRelease, MessageMeta } from './types.ts';

export const ERN_NAMESPACE = 'http://ddex.net/xml/ern/43';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
/** The AVS version documented by the vendored allowed-value-sets.xsd. */
const AVS_VERSION = '3';

function root(name: string, language: string) {
  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele(ERN_NAMESPACE, `ern:${name}`)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI_NAMESPACE)
    .att(
      XSI_NAMESPACE,
      'xsi:schemaLocation',
      `${ERN_NAMESPACE} http://service.ddex.net/xml/ern/43/release-notification.xsd`,
    )
    .att('AvsVersionId', AVS_VERSION)
    .att('LanguageAndScriptCode', language);
}

/**
 * A NewReleaseMessage: `new` and `update` carry every current deal (an update is a full replacement);
 * `takedown` is the same message without a DealList (ERN 4 §6.19.4: "no deal = no deal").
 */
export function buildNewReleaseMessage(
  input: ErnInput,
  meta: MessageMeta & { kind: 'new' | 'update' | 'takedown' },
): string {
  const doc = root('NewReleaseMessage', input.release.language);
  appendHeader(doc, meta);
  appendParties(doc, input);
  appendResources(doc, input, meta.sender.dpid);
  appendReleases(doc, input, meta.sender.dpid);
  if (meta.kind !== 'takedown') appendDeals(doc, input);
  return doc.end({ prettyPrint: true });
}

/** A PurgeReleaseMessage: removes the release from the partner for good. */
export function buildPurgeReleaseMessage(
  release: Pick<ErnRelease, 'upc' | 'title' | 'language'>,
  meta: MessageMeta & { kind: 'purge' },
): string {
  const doc = root('PurgeReleaseMessage', release.language);
  appendHeader(doc, meta);
  branch(doc, 'PurgedRelease', (purged) => {
    branch(purged, 'ReleaseId', (id) => leaf(id, 'ICPN', release.upc));
    branch(purged, 'Title', (title) => leaf(title, 'TitleText', release.title));
  });
  return doc.end({ prettyPrint: true });
}
