import { faker } from '@faker-js/faker';
import type { CreatedPartner } from '@soundcheck/api/partners/schema.ts';
import { Factory } from 'fishery';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { S3Mock } from 'soundcheck/mocks/s3-mock.ts';
import type { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import type { Static } from 'typebox';
import { expectStatus } from './expect-status.ts';
import { randomDpid } from './labels.ts';
import type { SignedInUser } from './signed-in.ts';
import { uniqueSuffix } from './unique.ts';

export type Partner = Static<typeof CreatedPartner>;

/** `localhost` is the test host the SSRF allowlist lets through (the mocks listen on 127.0.0.1). */
export const sftpTransport = (sftp: SftpMock) => ({
  kind: 'sftp' as const,
  host: 'localhost',
  port: sftp.port,
  username: sftp.username,
  password: sftp.password,
  root: '/',
});

export const s3Transport = (s3: S3Mock, bucket: string, prefix: string) => ({
  kind: 's3' as const,
  endpoint: s3.url.replace('127.0.0.1', 'localhost'),
  bucket,
  prefix,
  accessKeyId: 'partner-key',
  secretAccessKey: 'partner-secret',
});

/** The body of `POST /v1/partners`; `transport` has no default (it names a running mock). */
export interface PartnerParams {
  name: string;
  dpid: string;
  ernVersion: string;
  profile: string;
  transport: Record<string, unknown>;
  leadTimeDays: number;
  callbackUrl?: string | null;
  /** Fields the API should refuse, for tests of its validation. */
  [field: string]: unknown;
}

/** Batch-profile ERN 4.3 partners with a valid random DPID: `partnerFactory.build({ transport })`. */
export const partnerFactory = Factory.define<PartnerParams>(({ params, sequence }) => {
  if (!params.transport) throw new Error('partnerFactory.build needs a transport');
  return {
    name: `${faker.company.name()} Music ${uniqueSuffix(sequence)}`,
    dpid: randomDpid(),
    ernVersion: '4.3',
    profile: 'batch',
    transport: params.transport as Record<string, unknown>,
    leadTimeDays: 0,
  };
});

/** Creates a partner through the API as `admin`; the 201 carries the callback secret, once. */
export async function createPartner(
  api: ApiClient,
  admin: SignedInUser,
  transport: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Promise<Partner> {
  return expectStatus(
    await api.as(admin).post<Partner>('/v1/partners', partnerFactory.build({ ...overrides, transport })),
    201,
    'POST /v1/partners',
  );
}
