// `npm run bench:upload`: a 200 MB WAV uploaded over real HTTP to the API running as its own process, with
// the server's peak RSS (VmHWM) measured before and after — next to the same server's RSS when idle and
// after small uploads, in the same run. Streaming means the peak barely moves however large the file.
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { request } from 'undici';
import { releaseFactory } from '../../factories/releases.ts';
import { createLabel, signIn } from '../../factories/signed-in.ts';
import { wavHeader } from '../../fixtures/wav.ts';
import { bareEnv, startApiProcess } from '../../utils/api-process.ts';

const SIZE_MB = Number(process.env.BENCH_UPLOAD_MB) || 200;
const admin = { email: 'bench-admin@soundcheck.test', password: 'bench-admin-password' };

/** A WAV of `mb` megabytes: 44.1 kHz, 16-bit stereo, a quiet ramp (never all zeros). */
async function writeWav(file: string, mb: number): Promise<void> {
  const dataBytes = mb * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < chunk.length; i += 2) chunk.writeInt16LE(((i / 2) % 2000) - 1000, i);
  async function* body() {
    yield wavHeader({ sampleRateHz: 44_100, bitDepth: 16, channels: 2 }, dataBytes);
    for (let i = 0; i < mb; i++) yield chunk;
  }
  await pipeline(body(), createWriteStream(file));
}

const memory = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
};

/** Resets the kernel's peak-RSS mark (VmHWM) so the next peak is the upload's, not the start-up's. */
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

const file = path.join(tmpdir(), `bench-upload-${process.pid}.wav`);
await writeWav(file, SIZE_MB);
const server = await startApiProcess(
  bareEnv({ BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password }),
);
try {
  const pid = server.child.pid ?? 0;
  const api = createApiClient(fetchTransport(server.url));
  const signedIn = await signIn(api, admin.email, admin.password);
  const label = await createLabel(api, signedIn);
  const release = await releaseFactory
    .album({ tracks: 3 })
    .params({ labelId: label.id })
    .as(api, signedIn)
    .create();
  const idle = memory(pid);

  const upload = async (trackId: string, source: string) => {
    const started = performance.now();
    const response = await request(`${server.url}/v1/releases/${release.id}/tracks/${trackId}/audio`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${signedIn.accessToken}`,
        'content-type': 'audio/wav',
        'content-length': String(statSync(source).size),
      },
      body: createReadStream(source),
    });
    const body = (await response.body.json()) as { sizeBytes?: number; code?: string };
    if (response.statusCode !== 201)
      throw new Error(`upload answered ${response.statusCode}: ${JSON.stringify(body)}`);
    return { seconds: (performance.now() - started) / 1000, sizeBytes: body.sizeBytes ?? 0 };
  };

  // Reference: small uploads warm the upload path (parsers, storage, hashing) without a large body.
  const small = path.join(tmpdir(), `bench-upload-small-${process.pid}.wav`);
  await writeWav(small, 1);
  resetPeak(pid);
  await upload(release.tracks[0]!.id, small);
  rmSync(small);
  const warm = memory(pid);

  resetPeak(pid);
  const big = await upload(release.tracks[1]!.id, file);
  const after = memory(pid);

  const mbps = big.sizeBytes / 1024 / 1024 / big.seconds;
  console.log(`upload: ${SIZE_MB} MB WAV over HTTP to a separate API process (local directory storage)`);
  console.log(`  server RSS before uploading (idle)         ${idle.rssMb.toFixed(1)} MB`);
  console.log(`  reference: peak RSS during a 1 MB upload   ${warm.peakMb.toFixed(1)} MB`);
  console.log(
    `  peak RSS during the ${SIZE_MB} MB upload       ${after.peakMb.toFixed(1)} MB (+${(after.peakMb - warm.peakMb).toFixed(1)} MB)`,
  );
  console.log(
    '  (the embedded PGlite database dominates the baseline; the figure to read is the difference)',
  );
  console.log(`  stored ${big.sizeBytes} bytes in ${big.seconds.toFixed(2)} s (${mbps.toFixed(0)} MB/s)`);
  const growth = after.peakMb - warm.peakMb;
  if (growth > SIZE_MB / 4) {
    console.log(`  FAIL: peak memory grew by ${growth.toFixed(1)} MB — the upload is being buffered`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
  rmSync(file, { force: true });
}
