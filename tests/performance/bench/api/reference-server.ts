// The reference of `npm run bench:api`: the least a Node service can do to answer GET /releases/{id} — bare
// Fastify and one `pg` query for the same release row the API reads, no auth, no limits, no schemas.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();
app.get<{ Params: { id: string } }>('/releases/:id', async (request) => {
  const { rows } = await pool.query('SELECT * FROM releases WHERE id = $1', [request.params.id]);
  return rows[0];
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
