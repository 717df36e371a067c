import { MockServiceManager } from 'soundcheck/mocks/manager.ts';
import { OutboundGuard } from 'soundcheck/mocks/outbound-guard.ts';
import { S3Mock } from 'soundcheck/mocks/s3-mock.ts';
import { SmtpMock } from 'soundcheck/mocks/smtp-mock.ts';
import { MusicBrainzMock } from './musicbrainz.ts';

/** The third parties of the API, started once per test file, and the guard that refuses everything else. */
export interface TestMocks {
  manager: MockServiceManager;
  guard: OutboundGuard;
  s3: S3Mock;
  smtp: SmtpMock;
  musicbrainz: MusicBrainzMock;
}

export const TEST_BUCKET = 'soundcheck-test';

export async function startTestMocks(
  allowedOrigins: string[],
): Promise<{ mocks: TestMocks; stop(): Promise<void> }> {
  const manager = new MockServiceManager();
  const s3 = manager.registerMock(new S3Mock());
  const smtp = manager.registerMock(new SmtpMock());
  const musicbrainz = manager.registerMock(new MusicBrainzMock());
  await manager.startAll();
  // Loopback passes (tests start API processes of their own); anything beyond this machine fails the test.
  const guard = new OutboundGuard({ allowLoopback: true });
  for (const url of [s3.url, musicbrainz.url, ...allowedOrigins]) guard.allow(url);
  guard.install();
  return {
    mocks: { manager, guard, s3, smtp, musicbrainz },
    async stop() {
      guard.uninstall();
      await manager.stopAll();
    },
  };
}

/** Environment pointing the API's configuration at the mocks. */
export function mockEnvironment(mocks: TestMocks, storage: 'file' | 's3'): Record<string, string> {
  return {
    MUSICBRAINZ_BASE_URL: mocks.musicbrainz.baseUrl,
    SMTP_URL: mocks.smtp.url,
    // Partner mocks listen on loopback: tests name them `localhost`, the one host let through the SSRF guard.
    OUTBOUND_ALLOWLIST: 'localhost',
    // Delivery retries in tens of milliseconds, so tests see a whole backoff sequence.
    DELIVERY_BACKOFF_BASE_MS: '40',
    DELIVERY_BACKOFF_CAP_MS: '200',
    DELIVERY_MAX_ATTEMPTS: '4',
    DELIVERY_TRANSPORT_TIMEOUT_MS: '4000',
    ...(storage === 's3'
      ? {
          STORAGE_URL: `s3://${TEST_BUCKET}/objects`,
          S3_ENDPOINT: mocks.s3.url,
          S3_ACCESS_KEY_ID: 'test',
          S3_SECRET_ACCESS_KEY: 'test',
        }
      : {}),
  };
}
