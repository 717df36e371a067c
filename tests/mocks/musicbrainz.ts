import { readFileSync } from 'node:fs';
import { HttpMock } from 'soundcheck/mocks/http-mock.ts';

const samples = new URL('../fixtures/musicbrainz/', import.meta.url);
const sample = (file: string): object => JSON.parse(readFileSync(new URL(file, samples), 'utf8'));

/** The ISRC and barcode the samples answer for. */
export const knownIsrc = 'BET671300161';
export const knownBarcode = '602537479870';

const emptySearch = () => ({ created: new Date(0).toISOString(), count: 0, offset: 0, releases: [] });

/**
 * MusicBrainz WS/2 on the generic HTTP mock, answering from the sample responses: the ISRC lookup and
 * the barcode search; an unknown ISRC gets MusicBrainz's 404, an unknown barcode an empty search.
 * The base URL to configure is `${mock.url}/ws/2/`.
 */
export class MusicBrainzMock extends HttpMock {
  constructor(name = 'musicbrainz') {
    super(name);
    const isrcAnswer = sample(`isrc_lookup_${knownIsrc}.json`);
    const barcodeAnswer = sample(`release_search_barcode_${knownBarcode}.json`);
    const notFound = sample('error_404_not_found.json');
    this.on('GET', '/ws/2/isrc/:isrc', (_request, { isrc }) =>
      isrc === knownIsrc ? { status: 200, body: isrcAnswer } : { status: 404, body: notFound },
    );
    this.on('GET', '/ws/2/release', (request) => {
      const barcode = /^barcode:(\d+)$/.exec(request.query.get('query') ?? '')?.[1];
      return { status: 200, body: barcode === knownBarcode ? barcodeAnswer : emptySearch() };
    });
  }

  get baseUrl(): string {
    return `${this.url}/ws/2/`;
  }
}
