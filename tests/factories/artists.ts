import { faker } from '@faker-js/faker';
import type { Artist as ArtistSchema } from '@soundcheck/api/artists/schema.ts';
import { Factory } from 'fishery';
import type { Actor, ApiClient } from 'soundcheck/client/http-client.ts';
import type { Static } from 'typebox';
import { expectStatus } from './expect-status.ts';
import { randomIpiNameNumber, randomIsni } from './identifiers.ts';
import { uniqueSuffix } from './unique.ts';

/** The body of `POST /v1/artists`. */
export interface ArtistParams {
  name: string;
  isni?: string | null;
  ipiNameNumber?: string | null;
  labelId?: string;
}

export type Artist = Static<typeof ArtistSchema>;

/** One-name artists (no "&" or "feat.", so QC rule M1 passes) with valid ISNI and IPI name numbers. */
export const artistFactory = Factory.define<ArtistParams>(({ sequence }) => ({
  name: `${faker.person.firstName()} ${faker.person.lastName().replace(/[^\p{L}]/gu, '')}${uniqueSuffix(sequence)}`,
  isni: randomIsni(),
  ipiNameNumber: randomIpiNameNumber(),
}));

/** Creates an artist through the API as `actor` (an admin must pass `labelId`). */
export async function createArtist(
  api: ApiClient,
  actor: Actor,
  params: Partial<ArtistParams> = {},
): Promise<Artist> {
  return expectStatus(
    await api.as(actor).post<Artist>('/v1/artists', artistFactory.build(params)),
    201,
    'POST /v1/artists',
  );
}
