import { partyRef } from '../references.ts';
import type { ErnInput } from '../types.ts';
import type { XmlNode } from './xml.ts';
import { branch, leaf } from './xml.ts';

/** PartyList: every artist (with ISNI / IPI when known), then the label. */
export function appendParties(root: XmlNode, input: ErnInput): void {
  branch(root, 'PartyList', (list) => {
    input.artists.forEach((artist, index) => {
      branch(list, 'Party', (party) => {
        leaf(party, 'PartyReference', partyRef.artist(index));
        branch(party, 'PartyName', (name) => leaf(name, 'FullName', artist.name));
        if (artist.isni || artist.ipiNameNumber) {
          branch(party, 'PartyId', (id) => {
            if (artist.isni) leaf(id, 'ISNI', artist.isni);
            if (artist.ipiNameNumber) leaf(id, 'IpiNameNumber', artist.ipiNameNumber);
          });
        }
      });
    });
    branch(list, 'Party', (party) => {
      leaf(party, 'PartyReference', partyRef.label);
      branch(party, 'PartyName', (name) => leaf(name, 'FullName', input.label.name));
    });
  });
}

/**
 * Maps artist ids to their PartyReference. An artist missing from the input gets a reference that
 * resolves to nothing, so the reference-rule checker refuses the message and names the artist.
 */
export function artistReferences(input: ErnInput): (artistId: string) => string {
  const refs = new Map(input.artists.map((artist, index) => [artist.id, partyRef.artist(index)]));
  return (artistId) => refs.get(artistId) ?? `PUnknown-${artistId.replace(/[^\w-]/g, '_')}`;
}
