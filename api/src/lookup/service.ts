import type { Deps } from '../deps.ts';
import { isValidGtin } from '../identifiers/gtin.ts';
import { invalidField } from '../identifiers/invalid-field.ts';
import { normalizeIsrc } from '../identifiers/isrc.ts';

/** The recordings MusicBrainz knows under an ISRC; a malformed ISRC is a 400 on the field. */
export async function lookupIsrc(deps: Pick<Deps, 'musicbrainz'>, raw: string) {
  const isrc = normalizeIsrc(raw);
  if (!isrc) throw invalidField('isrc', 'must be 12 characters: country, registrant, year, designation');
  return deps.musicbrainz.recordingsByIsrc(isrc);
}

/** The releases MusicBrainz knows under a UPC/EAN barcode; a malformed one is a 400 on the field. */
export async function lookupBarcode(deps: Pick<Deps, 'musicbrainz'>, upc: string) {
  // MusicBrainz stores barcodes as printed, so a valid code is searched as given (12 or 13 digits).
  if (!/^\d{12,13}$/.test(upc) || !isValidGtin(upc)) {
    throw invalidField('upc', 'must be a UPC-A (12 digits) or EAN-13 with a valid check digit');
  }
  return deps.musicbrainz.releasesByBarcode(upc);
}
