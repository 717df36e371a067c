import { type Static, Type } from 'typebox';
import { pageQueryProperties } from '../http/pagination.ts';
import {
  contributorRoles,
  genres,
  languageCodes,
  parentalAdvisories,
  releaseTypes,
  territoryCodes,
} from '../vocabulary/catalog.ts';
import { releaseStates } from '../workflow/release-workflow.ts';

/** Request and response schemas of /v1/releases (API.md, "Releases and tracks"). */

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: 1000, maximum: 9999, description: 'A 4-digit year (an integer)' });
const Owner = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const CopyrightLine = Type.Object({ year: Year, owner: Owner }, { additionalProperties: false });

export const Genre = Type.Enum([...genres]);
/** One of the ISO 639-1 codes (an enum in the spec, so clients and the fuzzer see the list; "xx" is 400). */
export const Language = Type.Unsafe<string>({
  type: 'string',
  enum: [...languageCodes],
  description: 'ISO 639-1 two-letter code',
});
export const ParentalAdvisory = Type.Enum([...parentalAdvisories]);
export const ContributorRole = Type.Enum([...contributorRoles]);
export const ReleaseStateSchema = Type.Enum([...releaseStates]);

export const Territories = Type.Union([
  Type.Object({ mode: Type.Literal('worldwide') }, { additionalProperties: false }),
  Type.Object(
    {
      mode: Type.Enum(['include', 'exclude']),
      codes: Type.Array(Type.Enum([...territoryCodes]), { minItems: 1, maxItems: 300, uniqueItems: true }),
    },
    { additionalProperties: false },
  ),
]);

const releaseFields = {
  title: Type.String({ minLength: 1, maxLength: 500 }),
  version: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  releaseType: Type.Enum([...releaseTypes]),
  upc: Type.String({
    pattern: '^[0-9]{12,13}$',
    description: 'UPC-A (12 digits) or EAN-13 (13) with a valid check digit; stored as 13 digits',
  }),
  primaryArtistIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
  genre: Genre,
  language: Language,
  parentalAdvisory: ParentalAdvisory,
  pLine: CopyrightLine,
  cLine: CopyrightLine,
  releaseDate: IsoDate,
  originalReleaseDate: Type.Optional(Nullable(IsoDate)),
  territories: Territories,
};

export const CreateReleaseBody = Type.Object(
  {
    labelId: Type.Optional(Uuid),
    ...releaseFields,
  },
  { additionalProperties: false },
);
export type CreateReleaseBody = Static<typeof CreateReleaseBody>;

export const UpdateReleaseBody = Type.Partial(Type.Object(releaseFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateReleaseBody = Static<typeof UpdateReleaseBody>;

export const ReleaseParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ListReleasesQuery = Type.Object(
  {
    ...pageQueryProperties(['createdAt', 'releaseDate', 'title'] as const),
    state: Type.Optional(ReleaseStateSchema),
    labelId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the title' })),
  },
  { additionalProperties: false },
);
export type ListReleasesQuery = Static<typeof ListReleasesQuery>;

export const Contributor = Type.Object(
  { artistId: Uuid, role: ContributorRole },
  { additionalProperties: false },
);

export const Track = Type.Object({
  id: Uuid,
  releaseId: Uuid,
  title: Type.String(),
  version: Nullable(Type.String()),
  isrc: Type.String({ description: '12 upper-case characters' }),
  discNumber: Type.Integer(),
  trackNumber: Type.Integer(),
  contributors: Type.Array(Contributor),
  parentalAdvisory: ParentalAdvisory,
  language: Nullable(Type.String()),
  instrumental: Type.Boolean(),
  iswc: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const Release = Type.Object({
  id: Uuid,
  labelId: Uuid,
  createdBy: Uuid,
  state: ReleaseStateSchema,
  title: Type.String(),
  version: Nullable(Type.String()),
  releaseType: Type.Enum([...releaseTypes]),
  upc: Type.String({ description: '13 digits' }),
  primaryArtistIds: Type.Array(Uuid),
  genre: Genre,
  language: Type.String(),
  parentalAdvisory: ParentalAdvisory,
  pLine: CopyrightLine,
  cLine: CopyrightLine,
  releaseDate: IsoDate,
  originalReleaseDate: Nullable(IsoDate),
  territories: Territories,
  firstDeliveredAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** API.md: a release is read "with tracks and artwork summary": what the artwork upload answered, and its status. */
export const ArtworkSummary = Type.Object({
  id: Uuid,
  kind: Type.Literal('artwork'),
  format: Type.Union([Type.Literal('png'), Type.Literal('jpeg')]),
  width: Type.Integer(),
  height: Type.Integer(),
  colorSpace: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  status: Type.Union([Type.Literal('analysing'), Type.Literal('valid'), Type.Literal('invalid')]),
});

export const ReleaseWithTracks = Type.Object({
  ...Release.properties,
  tracks: Type.Array(Track),
  artwork: Nullable(ArtworkSummary),
});

export const ReleaseList = Type.Object({ items: Type.Array(Release), nextCursor: Nullable(Type.String()) });

export const Reason = Type.Object(
  {
    rule: Type.String({ minLength: 1, maxLength: 50 }),
    message: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const HistoryItem = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Nullable(Uuid),
  action: Type.String(),
  from: Nullable(ReleaseStateSchema),
  to: ReleaseStateSchema,
  reasons: Type.Optional(Type.Array(Reason)),
});

export const HistoryPage = Type.Object({
  items: Type.Array(HistoryItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const HistoryQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  { additionalProperties: false },
);
