import { releaseRef } from '../references.ts';
import type { ErnDeal, ErnInput, Territories } from '../types.ts';
import { branch, leaf, type XmlNode } from './xml.ts';

function appendTerritories(terms: XmlNode, territories: Territories) {
  switch (territories.mode) {
    case 'worldwide':
      leaf(terms, 'TerritoryCode', 'Worldwide');
      return;
    case 'include':
      for (const code of territories.codes) leaf(terms, 'TerritoryCode', code);
      return;
    case 'exclude':
      // An ExcludedTerritoryCode list alone means "worldwide except these".
      for (const code of territories.codes) leaf(terms, 'ExcludedTerritoryCode', code);
      return;
    default: {
      const unknown: never = territories;
      throw new Error(`unknown territory mode ${JSON.stringify(unknown)}`);
    }
  }
}

function appendDeal(releaseDeal: XmlNode, deal: ErnDeal, input: ErnInput) {
  branch(releaseDeal, 'Deal', (node) =>
    branch(node, 'DealTerms', (terms) => {
      appendTerritories(terms, input.release.territories);
      branch(terms, 'ValidityPeriod', (period) => {
        leaf(period, 'StartDate', deal.startDate ?? input.release.releaseDate);
        if (deal.endDate) leaf(period, 'EndDate', deal.endDate);
      });
      leaf(terms, 'CommercialModelType', deal.commercialModel);
      for (const use of deal.useTypes) leaf(terms, 'UseType', use);
    }),
  );
}

/**
 * DealList: one ReleaseDeal covering the main release and every TrackRelease, holding every current deal.
 * A NewReleaseMessage's deals replace all earlier ones (ERN 4 §6.19.2), so the full list goes every time.
 */
export function appendDeals(root: XmlNode, input: ErnInput): void {
  branch(root, 'DealList', (list) =>
    branch(list, 'ReleaseDeal', (releaseDeal) => {
      leaf(releaseDeal, 'DealReleaseReference', releaseRef.main);
      input.tracks.forEach((_track, index) => {
        leaf(releaseDeal, 'DealReleaseReference', releaseRef.track(index));
      });
      for (const deal of input.deals) appendDeal(releaseDeal, deal, input);
    }),
  );
}
