import { type Static, Type } from 'typebox';
import { Contributor, Language, ParentalAdvisory, Track } from '../releases/schema.ts';

const trackFields = {
  title: Type.String({ minLength: 1, maxLength: 500 }),
  version: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  isrc: Type.String({
    minLength: 12,
    maxLength: 20,
    description: 'ISRC, with or without hyphens (CC-XXX-YY-NNNNN); stored as 12 upper-case characters',
  }),
  trackNumber: Type.Integer({ minimum: 1, maximum: 999 }),
  discNumber: Type.Optional(Type.Integer({ minimum: 1, maximum: 99, default: 1 })),
  contributors: Type.Array(Contributor, { minItems: 1, maxItems: 50 }),
  parentalAdvisory: ParentalAdvisory,
  language: Type.Optional(Type.Union([Language, Type.Null()])),
  instrumental: Type.Optional(Type.Boolean()),
  iswc: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 15, description: 'ISWC, T-DDD.DDD.DDD-C or compact' }),
      Type.Null(),
    ]),
  ),
};

export const CreateTrackBody = Type.Object(trackFields, { additionalProperties: false });
export type CreateTrackBody = Static<typeof CreateTrackBody>;

export const UpdateTrackBody = Type.Partial(Type.Object(trackFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateTrackBody = Static<typeof UpdateTrackBody>;

export const TrackParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), trackId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const ListTracksQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ListTracksQuery = Static<typeof ListTracksQuery>;

export const TrackList = Type.Object({
  items: Type.Array(Track),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
