import { randomUUID } from 'node:crypto';
import type { Database } from '@soundcheck/api/db/database.ts';
import { randomEan13, randomIsrc } from '../../factories/identifiers.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** A label, a user and an artist written straight to the database, as a script or import would. */
async function seed(db: Database) {
  const labelId = randomUUID();
  const userId = randomUUID();
  const artistId = randomUUID();
  await db.query('INSERT INTO labels (id, name) VALUES ($1, $2)', [labelId, `Label ${labelId}`]);
  await db.query(
    `INSERT INTO users (id, email, password_hash, role, label_id) VALUES ($1, $2, 'x', 'label_manager', $3)`,
    [userId, `${userId}@soundcheck.test`, labelId],
  );
  await db.query('INSERT INTO artists (id, label_id, name, created_by) VALUES ($1, $2, $3, $4)', [
    artistId,
    labelId,
    'Artist',
    userId,
  ]);
  return { labelId, userId, artistId };
}

async function insertRelease(
  db: Database,
  owner: { labelId: string; userId: string },
  upc: string,
  state = 'draft',
) {
  const id = randomUUID();
  await db.query(
    `INSERT INTO releases (id, label_id, created_by, state, title, release_type, upc, genre, language,
       parental_advisory, p_line_year, p_line_owner, c_line_year, c_line_owner, release_date, territories)
     VALUES ($1, $2, $3, $4, 'T', 'single', $5, 'Pop', 'en', 'clean', 2030, 'O', 2030, 'O', '2030-01-01',
       '{"mode":"worldwide"}')`,
    [id, owner.labelId, owner.userId, state, upc],
  );
  return id;
}

async function insertTrack(db: Database, releaseId: string, isrc: string, trackNumber: number) {
  await db.query(
    `INSERT INTO tracks (id, release_id, title, isrc, track_number, parental_advisory)
     VALUES ($1, $2, 'T', $3, $4, 'clean')`,
    [randomUUID(), releaseId, isrc, trackNumber],
  );
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string }) => error.code,
  );

describe('catalog constraints', { tags: ['integration', 'database'] }, () => {
  test('the UPC is unique and stored only as 13 digits', async ({ db }) => {
    const owner = await seed(db);
    const upc = randomEan13();
    await insertRelease(db, owner, upc);
    expect(await failure(insertRelease(db, owner, upc))).toBe('23505');
    expect(await failure(insertRelease(db, owner, upc.slice(1)))).toBe('23514');
  });

  test('an unknown state is refused', async ({ db }) => {
    const owner = await seed(db);
    expect(await failure(insertRelease(db, owner, randomEan13(), 'published'))).toBe('23514');
  });

  test('an ISRC appears once per release, in canonical form only', async ({ db }) => {
    const owner = await seed(db);
    const releaseId = await insertRelease(db, owner, randomEan13());
    const isrc = randomIsrc();
    await insertTrack(db, releaseId, isrc, 1);
    expect(await failure(insertTrack(db, releaseId, isrc, 2))).toBe('23505');
    expect(await failure(insertTrack(db, releaseId, 'us-skg-19-12345', 2))).toBe('23514');
    const other = await insertRelease(db, owner, randomEan13());
    await insertTrack(db, other, isrc, 1);
  });

  test('two tracks in one position fail at commit (the check is deferred for renumbering)', async ({
    db,
  }) => {
    const owner = await seed(db);
    const releaseId = await insertRelease(db, owner, randomEan13());
    await insertTrack(db, releaseId, randomIsrc(), 1);
    expect(await failure(insertTrack(db, releaseId, randomIsrc(), 1))).toBe('23505');
    const sql = `BEGIN;
      UPDATE tracks SET track_number = track_number + 1 WHERE release_id = '${releaseId}';
      INSERT INTO tracks (id, release_id, title, isrc, track_number, parental_advisory)
        VALUES ('${randomUUID()}', '${releaseId}', 'T', '${randomIsrc()}', 1, 'clean');
      COMMIT;`;
    await db.exec(sql);
    const rows = await db.query<{ track_number: number }>(
      'SELECT track_number FROM tracks WHERE release_id = $1 ORDER BY track_number',
      [releaseId],
    );
    expect(rows.map((row) => row.track_number)).toEqual([1, 2]);
  });

  test('deleting a release removes its tracks, credits and history', async ({ db }) => {
    const owner = await seed(db);
    const releaseId = await insertRelease(db, owner, randomEan13());
    await insertTrack(db, releaseId, randomIsrc(), 1);
    await db.query('INSERT INTO release_artists (release_id, position, artist_id) VALUES ($1, 0, $2)', [
      releaseId,
      owner.artistId,
    ]);
    await db.query(
      `INSERT INTO release_events (id, release_id, action, to_state) VALUES ($1, $2, 'create', 'draft')`,
      [randomUUID(), releaseId],
    );
    await db.query('DELETE FROM releases WHERE id = $1', [releaseId]);
    const left = await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM tracks WHERE release_id = $1)
            + (SELECT count(*) FROM release_artists WHERE release_id = $1)
            + (SELECT count(*) FROM release_events WHERE release_id = $1) AS n`,
      [releaseId],
    );
    expect(Number(left[0]!.n)).toBe(0);
  });

  test('an artist credited on a release cannot be deleted out from under it', async ({ db }) => {
    const owner = await seed(db);
    const releaseId = await insertRelease(db, owner, randomEan13());
    await db.query('INSERT INTO release_artists (release_id, position, artist_id) VALUES ($1, 0, $2)', [
      releaseId,
      owner.artistId,
    ]);
    expect(await failure(db.query('DELETE FROM artists WHERE id = $1', [owner.artistId]))).toBe('23503');
  });
});
