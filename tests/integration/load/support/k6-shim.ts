// A small k6 API for Node, enough to run an exported script for a few iterations: `k6/http` (get, post,
// put, patch, del, request — synchronous, through curl, as k6's are), `k6` (check, sleep, group), the
// `__ENV`, `__VU` and `__ITER` globals, and `options`. Written beside the script as node_modules/k6.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const http = `
import { execFileSync } from 'node:child_process';
function request(method, url, body, params = {}) {
  const headers = Object.entries(params.headers ?? {}).flatMap(([k, v]) => ['-H', k + ': ' + v]);
  const data = body === null || body === undefined ? [] : ['--data-binary', String(body)];
  const out = execFileSync('curl', ['-s', '-S', '-X', method, '-o', '-', '-w', '\\\\n%{http_code}', ...headers, ...data, url], { encoding: 'utf8' });
  const cut = out.lastIndexOf('\\n');
  const text = out.slice(0, cut);
  return { status: Number(out.slice(cut + 1)), body: text, json: () => JSON.parse(text), request: { method, url } };
}
export default {
  request,
  get: (url, params) => request('GET', url, null, params),
  post: (url, body, params) => request('POST', url, body, params),
  put: (url, body, params) => request('PUT', url, body, params),
  patch: (url, body, params) => request('PATCH', url, body, params),
  del: (url, body, params) => request('DELETE', url, body, params),
};
`;

const k6 = `
export const failedChecks = [];
export function check(value, checks) {
  let ok = true;
  for (const [name, fn] of Object.entries(checks)) if (!fn(value)) { ok = false; failedChecks.push(name); }
  return ok;
}
export function sleep(seconds) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}
export function group(_name, fn) {
  return fn();
}
`;

const runner = `
import { failedChecks } from 'k6';
const [script, iterations, baseUrl] = process.argv.slice(2);
globalThis.__ENV = { BASE_URL: baseUrl };
globalThis.__VU = 1;
const module = await import(script);
const data = module.setup ? module.setup() : undefined;
for (let i = 0; i < Number(iterations); i++) {
  globalThis.__ITER = i;
  module.default(data);
}
process.stdout.write(JSON.stringify({ options: module.options, failedChecks }));
`;

/** Writes the shim into `dir` (as `node_modules/k6`) and returns the path of its runner. */
export function writeK6Shim(dir: string): string {
  const k6Dir = path.join(dir, 'node_modules', 'k6');
  mkdirSync(k6Dir, { recursive: true });
  writeFileSync(
    path.join(k6Dir, 'package.json'),
    JSON.stringify({ name: 'k6', type: 'module', exports: { '.': './index.js', './http': './http.js' } }),
  );
  writeFileSync(path.join(k6Dir, 'index.js'), k6);
  writeFileSync(path.join(k6Dir, 'http.js'), http);
  writeFileSync(path.join(dir, 'run-k6.mjs'), runner);
  return path.join(dir, 'run-k6.mjs');
}
