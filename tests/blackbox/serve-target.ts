/**
 * `npm run target`: our API started as a black-box target (see target.ts), on DATABASE_URL's server (a
 * fresh database) and REDIS_URL, until Ctrl-C. Prints the command that runs the black-box suite against it.
 */
import { defaultUrls } from 'soundcheck/services/health.ts';
import { startBlackBoxTarget, targetAdmin } from './target.ts';

const target = await startBlackBoxTarget({
  name: 'serve',
  postgresUrl: defaultUrls.postgres,
  redisUrl: defaultUrls.redis,
});
process.stdout.write(
  [
    `black-box target ready at ${target.url} (workers on; MusicBrainz and SMTP mocks of its own)`,
    'in another shell:',
    `  BOOTSTRAP_ADMIN_EMAIL=${targetAdmin.email} BOOTSTRAP_ADMIN_PASSWORD=${targetAdmin.password} \\`,
    `    npx soundcheck run --target ${target.url} --category e2e,security,performance`,
    'Ctrl-C stops it',
    '',
  ].join('\n'),
);
const stop = () => {
  void target.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
