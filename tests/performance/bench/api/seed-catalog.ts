import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { createArtist } from '../../../factories/artists.ts';
import { randomIsrc } from '../../../factories/identifiers.ts';
import { releaseBody } from '../../../factories/releases.ts';
import { createLabel, type SignedInUser, signedIn } from '../../../factories/signed-in.ts';

const LABELS = 5;
const ARTISTS_PER_LABEL = 3;
const TRACKS_PER_RELEASE = 10;

export interface Catalog {
  /** A label manager; the measured routes run as this user. */
  manager: SignedInUser;
  /** One of the manager's releases: GET /v1/releases/{id} reads it, and so does the reference. */
  releaseId: string;
  /** An artist of the manager's label, for POST /v1/releases. */
  artistId: string;
}

interface LabelCast {
  labelId: string;
  creator: string;
  artistIds: string[];
}

/** Inserts rows given as column arrays, with one `unnest` statement. */
async function insertColumns(
  client: pg.Client,
  table: string,
  columns: Record<string, { type: string; values: unknown[] }>,
): Promise<void> {
  const names = Object.keys(columns);
  const casts = names.map((name, i) => `$${i + 1}::${columns[name]?.type}[]`);
  await client.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
    names.map((name) => columns[name]?.values),
  );
}

/**
 * A realistic catalogue: labels, users and artists through the API (so the accounts can sign in), then
 * `releases` albums of ten tracks each, with credits and front-cover artwork, bulk-inserted in SQL.
 */
export async function seedCatalog(
  api: ApiClient,
  admin: SignedInUser,
  databaseUrl: string,
  releases: number,
): Promise<Catalog> {
  const manager = await signedIn(api, admin, { role: 'label_manager' });
  const casts: LabelCast[] = [{ labelId: manager.labelId ?? '', creator: manager.id, artistIds: [] }];
  for (let i = 1; i < LABELS; i++)
    casts.push({ labelId: (await createLabel(api, admin)).id, creator: admin.id, artistIds: [] });
  for (const cast of casts) {
    const actor = cast.creator === manager.id ? manager : admin;
    for (let i = 0; i < ARTISTS_PER_LABEL; i++)
      cast.artistIds.push((await createArtist(api, actor, { labelId: cast.labelId })).id);
  }

  const release = { id: [], label: [], creator: [], artist: [], body: [] } as {
    id: string[];
    label: string[];
    creator: string[];
    artist: string[];
    body: ReturnType<typeof releaseBody>[];
  };
  for (let i = 0; i < releases; i++) {
    const cast = casts[i % casts.length] as LabelCast;
    const artist = cast.artistIds[i % ARTISTS_PER_LABEL] as string;
    release.id.push(randomUUID());
    release.label.push(cast.labelId);
    release.creator.push(cast.creator);
    release.artist.push(artist);
    release.body.push(releaseBody([artist], { releaseType: 'album' }));
  }
  const text = (values: unknown[]) => ({ type: 'text', values });
  const uuid = (values: unknown[]) => ({ type: 'uuid', values });
  const int = (values: unknown[]) => ({ type: 'int', values });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const b = release.body;
    await insertColumns(client, 'releases', {
      id: uuid(release.id),
      label_id: uuid(release.label),
      created_by: uuid(release.creator),
      title: text(b.map((r) => r.title)),
      release_type: text(b.map((r) => r.releaseType)),
      upc: text(b.map((r) => r.upc)),
      genre: text(b.map((r) => r.genre)),
      language: text(b.map((r) => r.language)),
      parental_advisory: text(b.map((r) => r.parentalAdvisory)),
      p_line_year: int(b.map((r) => r.pLine.year)),
      p_line_owner: text(b.map((r) => r.pLine.owner)),
      c_line_year: int(b.map((r) => r.cLine.year)),
      c_line_owner: text(b.map((r) => r.cLine.owner)),
      release_date: { type: 'date', values: b.map((r) => r.releaseDate) },
      territories: { type: 'jsonb', values: b.map((r) => JSON.stringify(r.territories)) },
    });
    await insertColumns(client, 'release_artists', {
      release_id: uuid(release.id),
      position: int(release.id.map(() => 0)),
      artist_id: uuid(release.artist),
    });
    const track = {
      id: [] as string[],
      release: [] as string[],
      number: [] as number[],
      artist: [] as string[],
    };
    release.id.forEach((id, i) => {
      for (let n = 1; n <= TRACKS_PER_RELEASE; n++) {
        track.id.push(randomUUID());
        track.release.push(id);
        track.number.push(n);
        track.artist.push(release.artist[i] as string);
      }
    });
    await insertColumns(client, 'tracks', {
      id: uuid(track.id),
      release_id: uuid(track.release),
      title: text(track.id.map((_, i) => `${b[Math.floor(i / TRACKS_PER_RELEASE)]?.title} ${i % 10}`)),
      isrc: text(track.id.map(() => randomIsrc())),
      track_number: int(track.number),
      parental_advisory: text(track.id.map(() => 'not_explicit')),
      language: text(track.id.map(() => 'en')),
    });
    await insertColumns(client, 'track_contributors', {
      track_id: uuid(track.id),
      position: int(track.id.map(() => 0)),
      artist_id: uuid(track.artist),
      role: text(track.id.map(() => 'MainArtist')),
    });
    await insertColumns(client, 'assets', {
      id: uuid(release.id.map(() => randomUUID())),
      release_id: uuid(release.id),
      kind: text(release.id.map(() => 'artwork')),
      storage_key: text(release.id.map((id) => `artwork/${id.slice(0, 2)}/${id}`)),
      content_type: text(release.id.map(() => 'image/png')),
      size_bytes: { type: 'bigint', values: release.id.map(() => 4_200_000) },
      sha256: text(release.id.map((id) => createHash('sha256').update(id).digest('hex'))),
      facts: {
        type: 'jsonb',
        values: release.id.map(() =>
          JSON.stringify({ format: 'png', width: 3000, height: 3000, colorSpace: 'RGB' }),
        ),
      },
      status: text(release.id.map(() => 'valid')),
      created_by: uuid(release.creator),
    });
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return {
    manager,
    releaseId: release.id[0] as string,
    artistId: casts[0]?.artistIds[0] as string,
  };
}

/**
 * Deletes the releases POST /v1/releases made during a run (their artists and events cascade): the seeded
 * ones share the seeding transaction's `created_at`, every later one is newer.
 */
export async function deleteCreatedReleases(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      'DELETE FROM releases WHERE created_at > (SELECT min(created_at) FROM releases)',
    );
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}
