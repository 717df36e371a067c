import type { ApiResponse } from 'soundcheck/client/http-client.ts';

const isJson = (response: ApiResponse) => /^application\/json\b/.test(response.headers['content-type'] ?? '');
const isProblem = (response: ApiResponse) =>
  /^application\/problem\+json\b/.test(response.headers['content-type'] ?? '');
const parsed = (response: ApiResponse) => typeof response.body === 'object' && response.body !== null;

/**
 * What is wrong with the answer to a hostile string; [] when nothing is. The contract (API.md,
 * "Conventions"): JSON in and out, errors as problem JSON, no 5xx for bad input. A write is refused (4xx)
 * or accepted (2xx), nothing else; accepted, the string reads back as sent — neither escaped, stripped nor
 * executed — with the JSON content type, so no browser renders it as HTML.
 */
export function storedStringProblems(
  sent: string,
  write: ApiResponse,
  readBack: { response: ApiResponse; value: unknown } | null,
  /** The forms the service may store `sent` in; only `sent` itself unless the contract allows another. */
  allowed: readonly string[] = [sent],
): string[] {
  const what = `${write.status} ${write.text.slice(0, 200)}`;
  if (write.status >= 500) return [`a server error: ${what}`];
  if (write.status < 200 || (write.status >= 300 && write.status < 400))
    return [`neither 2xx nor 4xx: ${what}`];
  if (write.status >= 400)
    return isProblem(write) && parsed(write) ? [] : [`a refusal that is no problem JSON: ${what}`];
  if (write.status !== 204 && !(isJson(write) && parsed(write)))
    return [`an answer that is no JSON: ${what}`];
  if (!readBack) return [];
  const { response, value } = readBack;
  if (response.status !== 200 || !isJson(response) || !parsed(response))
    return [`the read-back is not 200 JSON: ${response.status} ${response.text.slice(0, 200)}`];
  return allowed.includes(value as string)
    ? []
    : [`stored ${JSON.stringify(sent)} reads back as ${JSON.stringify(value)}`];
}

/** What is wrong with the answer to a hostile query parameter: a 2xx list or a 4xx problem, nothing else. */
export function queryProblems(response: ApiResponse): string[] {
  const what = `${response.status} ${response.text.slice(0, 200)}`;
  if (response.status >= 400 && response.status < 500)
    return isProblem(response) && parsed(response) ? [] : [`a refusal that is no problem JSON: ${what}`];
  if (response.status !== 200) return [`neither 200 nor 4xx: ${what}`];
  const items = (response.body as { items?: unknown }).items;
  return isJson(response) && Array.isArray(items) ? [] : [`not a JSON list: ${what}`];
}
