/** Every tag a test may carry; Vitest rejects any other (strict tags). */
export const tags = [
  { name: 'unit', description: 'No I/O: pure logic' },
  { name: 'integration', description: 'Real PostgreSQL, Redis, storage and mock servers' },
  { name: 'e2e', description: 'Whole workflows through HTTP, jobs included' },
  { name: 'performance', description: 'Latency, throughput and query plans' },
  { name: 'security', description: 'Attacks and abuse: auth, access, injection, uploads, SSRF' },
  { name: 'slow', description: 'Takes more than a few seconds' },
  {
    name: 'long',
    description:
      'Runs for tens of seconds or more (load, stress, soak, 100k-row seeds): npm run qa and on demand, not npm test',
  },
  { name: 'external_deps', description: 'Needs a mock of a third party (MusicBrainz, SMTP, partners)' },
  { name: 'redis', description: 'Needs a real Redis server (skipped, or failed when strict, without one)' },
  { name: 'harness', description: "Soundcheck's own machinery" },
  { name: 'ops', description: 'Health, readiness, metrics, OpenAPI, configuration' },
  { name: 'auth', description: 'Login, tokens, sessions' },
  { name: 'tenancy', description: 'Roles and label isolation' },
  { name: 'catalog', description: 'Labels, users, artists, releases, tracks' },
  { name: 'identifiers', description: 'ISRC, UPC/EAN, ISWC, ISNI, IPI, DPID' },
  { name: 'qc', description: 'Quality-control rules' },
  { name: 'workflow', description: 'The release state machine' },
  { name: 'assets', description: 'Artwork and audio uploads, storage' },
  { name: 'lookup', description: 'MusicBrainz lookups' },
  { name: 'notifications', description: 'E-mail notifications' },
  { name: 'delivery', description: 'Partners, ERN, deliveries, acknowledgements' },
  { name: 'rate-limit', description: 'Rate limiting' },
  { name: 'database', description: 'Schema, constraints, migrations, transactions' },
  { name: 'reporting', description: 'Results, history, analytics and reports' },
  {
    name: 'implementation',
    description:
      'Pins our own error catalogue or internals (secrets, rows, config): in-process only, skipped black-box',
  },
];
