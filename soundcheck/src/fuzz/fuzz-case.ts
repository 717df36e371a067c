import type { ApiRequest } from '../client/http-client.ts';

export const phases = ['examples', 'coverage', 'fuzzing', 'stateful'] as const;
export type Phase = (typeof phases)[number];

/** How the case authenticates: as the run's actor, with no credentials, or with a forged token. */
export type AuthMode = 'actor' | 'none' | 'invalid';

/** One generated request, before it is sent: everything needed to send it again. */
export interface FuzzCase {
  operation: string;
  phase: Phase;
  method: string;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  /** `undefined`: no body sent. */
  body?: unknown;
  mediaType?: string;
  auth: AuthMode;
  /** What the case breaks on purpose ("body.title: longer than maxLength 500"); absent when meant valid. */
  breaks?: string;
}

export const FORGED_TOKEN = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmdXp6In0.Zm9yZ2Vk';

/**
 * A header value as it can travel: HTTP carries bytes, so text goes as its UTF-8 bytes, and the control
 * characters no client can put in a header (CR, LF, NUL…) are dropped. Generated values pass through this
 * before they are judged, so the case judged is the case sent.
 */
export function wireHeaderValue(value: unknown): string {
  const bytes = Buffer.from(String(value), 'utf8').toString('latin1');
  const sendable = (char: string) => {
    const code = char.charCodeAt(0);
    return code === 0x09 || (code >= 0x20 && code !== 0x7f);
  };
  return [...bytes].filter(sendable).join('');
}

export function concretePath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) search.append(name, typeof item === 'string' ? item : JSON.stringify(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The case as the HTTP client sends it; `token` is the actor's bearer token. */
export function toApiRequest(fuzzCase: FuzzCase, pathTemplate: string, token: string | null): ApiRequest {
  const headers: Record<string, string> = { ...fuzzCase.headers };
  if (fuzzCase.auth === 'actor' && token) headers.authorization = `Bearer ${token}`;
  if (fuzzCase.auth === 'invalid') headers.authorization = FORGED_TOKEN;
  const path = concretePath(pathTemplate, fuzzCase.pathParams) + queryString(fuzzCase.query);
  const request: ApiRequest = { method: fuzzCase.method, path, headers };
  if (fuzzCase.body !== undefined) {
    headers['content-type'] = fuzzCase.mediaType ?? 'application/json';
    request.payload = JSON.stringify(fuzzCase.body);
  }
  return request;
}

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** A `curl` line reproducing the request; the token is left as `$TOKEN` so the line is safe to share. */
export function curlLine(request: ApiRequest, baseUrl: string): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(new URL(request.path, baseUrl).toString())];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const actorToken = name === 'authorization' && value.startsWith('Bearer ') && value !== FORGED_TOKEN;
    parts.push('-H', actorToken ? `"${name}: Bearer $TOKEN"` : shellQuote(`${name}: ${value}`));
  }
  if (request.payload !== undefined) parts.push('--data-binary', shellQuote(String(request.payload)));
  return parts.join(' ');
}
