// The references of `npm run bench:api`: the least a Node service can do — bare Fastify and one `pg` query,
// no auth, no limits, no schemas. GET /releases/{id} reads the release row (the reference);
// GET /albums/{id} reads the same document the API answers — the release, its primary artists and its
// tracks with their credits, as one JSON statement — so the API's own overhead can be told apart from the
// work of reading an album.
import Fastify from 'fastify';
import pg from 'pg';

const ALBUM = `SELECT r.*,
  (SELECT array_agg(a.artist_id ORDER BY a.position) FROM release_artists a WHERE a.release_id = r.id) AS artists,
  (SELECT json_agg(json_build_object('id', t.id, 'title', t.title, 'version', t.version, 'isrc', t.isrc,
      'discNumber', t.disc_number, 'trackNumber', t.track_number, 'parentalAdvisory', t.parental_advisory,
      'language', t.language, 'instrumental', t.instrumental, 'iswc', t.iswc,
      'createdAt', t.created_at, 'updatedAt', t.updated_at,
      'contributors', (SELECT json_agg(json_build_object('artistId', c.artist_id, 'role', c.role) ORDER BY c.position)
        FROM track_contributors c WHERE c.track_id = t.id))
    ORDER BY t.disc_number, t.track_number) FROM tracks t WHERE t.release_id = r.id) AS tracks
FROM releases r WHERE r.id = $1`;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();
app.get<{ Params: { id: string } }>('/releases/:id', async (request) => {
  const { rows } = await pool.query('SELECT * FROM releases WHERE id = $1', [request.params.id]);
  return rows[0];
});
app.get<{ Params: { id: string } }>('/albums/:id', async (request) => {
  const { rows } = await pool.query({ name: 'album', text: ALBUM, values: [request.params.id] });
  return rows[0];
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
