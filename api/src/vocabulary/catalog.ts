/** The controlled vocabularies of the catalog (API.md "Conventions"); each is an enum in the OpenAPI spec. */
import territoryCodeList from './territory-codes.json' with { type: 'json' };

export const genres = [
  'Alternative',
  'Blues',
  "Children's Music",
  'Classical',
  'Country',
  'Dance',
  'Electronic',
  'Folk',
  'Hip-Hop/Rap',
  'Jazz',
  'Latin',
  'Metal',
  'Pop',
  'R&B/Soul',
  'Reggae',
  'Rock',
  'Singer/Songwriter',
  'Soundtrack',
  'Spoken Word',
  'World',
] as const;

export const releaseTypes = ['single', 'ep', 'album'] as const;
export type ReleaseType = (typeof releaseTypes)[number];

export const parentalAdvisories = ['explicit', 'clean', 'not_explicit'] as const;

export const contributorRoles = [
  'MainArtist',
  'FeaturedArtist',
  'Remixer',
  'Composer',
  'Lyricist',
  'Producer',
] as const;

/**
 * The 183 ISO 639-1 two-letter language codes, as the ISO 639-2 Registration Authority (Library of
 * Congress, "Codes for the Representation of Names of Languages", the ISO 639-1 column) lists them;
 * the withdrawn "sh" is not among them.
 */
export const languageCodes = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ' +
  'ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ' +
  'ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi ' +
  'mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw ' +
  'sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ' +
  'ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

export const isLanguageCode = (code: string): boolean => languageCodes.includes(code);

/**
 * ISO 3166-1 alpha-2 territory codes as DDEX's allowed-value sets list them (territory-codes.json is a
 * copy of shared/data/identifiers/iso3166_alpha2_from_ddex_avs.json, extracted from the DDEX AVS XSD).
 */
export const territoryCodes: readonly string[] = territoryCodeList;
