import { Type } from 'typebox';

export const IsrcParams = Type.Object({ isrc: Type.String({ minLength: 1, maxLength: 32 }) });
export const BarcodeParams = Type.Object({ upc: Type.String({ minLength: 1, maxLength: 32 }) });

const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const IsrcLookupResult = Type.Object({
  isrc: Type.String(),
  recordings: Type.Array(
    Type.Object({
      mbid: Type.String({ format: 'uuid' }),
      title: Type.String(),
      lengthMs: Type.Union([Type.Integer(), Type.Null()]),
      firstReleaseDate: nullable(Type.String()),
      artists: Type.Array(Type.String()),
    }),
  ),
});

export const BarcodeLookupResult = Type.Object({
  upc: Type.String(),
  releases: Type.Array(
    Type.Object({
      mbid: Type.String({ format: 'uuid' }),
      title: Type.String(),
      date: nullable(Type.String()),
      country: nullable(Type.String()),
      trackCount: Type.Union([Type.Integer(), Type.Null()]),
      artists: Type.Array(Type.String()),
    }),
  ),
});
