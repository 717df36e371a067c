import { type Static, Type } from 'typebox';
import { pageQueryProperties } from '../http/pagination.ts';

const Uuid = Type.String({ format: 'uuid' });

const artistFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  isni: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 19, description: 'ISNI, 16 characters, spaces allowed; MOD 11-2 checked' }),
      Type.Null(),
    ]),
  ),
  ipiNameNumber: Type.Optional(
    Type.Union([
      Type.String({ pattern: '^[0-9]{11}$', description: 'IPI name number, mod-101 checked' }),
      Type.Null(),
    ]),
  ),
};

export const CreateArtistBody = Type.Object(
  { labelId: Type.Optional(Uuid), ...artistFields },
  { additionalProperties: false },
);
export type CreateArtistBody = Static<typeof CreateArtistBody>;

export const UpdateArtistBody = Type.Partial(Type.Object(artistFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateArtistBody = Static<typeof UpdateArtistBody>;

export const ArtistParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ListArtistsQuery = Type.Object(
  {
    ...pageQueryProperties(['createdAt'] as const),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Part of the name' })),
    labelId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ListArtistsQuery = Static<typeof ListArtistsQuery>;

export const Artist = Type.Object({
  id: Uuid,
  labelId: Uuid,
  name: Type.String(),
  isni: Type.Union([Type.String(), Type.Null()]),
  ipiNameNumber: Type.Union([Type.String(), Type.Null()]),
  createdBy: Uuid,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ArtistList = Type.Object({
  items: Type.Array(Artist),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
