import { Type } from 'typebox';

export const ReleaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const TrackParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackId: Type.String({ format: 'uuid' }),
});
export const AssetParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Finding = Type.Object({
  rule: Type.String(),
  severity: Type.Union([Type.Literal('block'), Type.Literal('warn')]),
  field: Type.String(),
  message: Type.String(),
});

/** Artwork carries format/width/height/colorSpace, audio codec/sampleRateHz/bitDepth/channels/durationMs. */
export const Asset = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('artwork'), Type.Literal('audio')]),
  releaseId: Type.String({ format: 'uuid' }),
  trackId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  contentType: Type.String(),
  format: Type.Optional(Type.Union([Type.Literal('png'), Type.Literal('jpeg')])),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
  colorSpace: Type.Optional(Type.String()),
  codec: Type.Optional(Type.Union([Type.Literal('pcm'), Type.Literal('flac')])),
  sampleRateHz: Type.Optional(Type.Integer()),
  bitDepth: Type.Optional(Type.Integer()),
  channels: Type.Optional(Type.Integer()),
  durationMs: Type.Optional(Type.Integer()),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  status: Type.Union([Type.Literal('analysing'), Type.Literal('valid'), Type.Literal('invalid')]),
  findings: Type.Array(Finding),
  createdAt: Type.String({ format: 'date-time' }),
});
