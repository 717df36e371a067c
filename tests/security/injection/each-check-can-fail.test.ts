import type { ApiResponse } from 'soundcheck/client/http-client.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { htmlInjectionProblems } from './inert-html.ts';
import { startPlantedSlowServer } from './planted-slow-server.ts';
import { queryProblems, storedStringProblems } from './stored-string.ts';
import { pgSleepPayloads, timeBasedInjection } from './time-based.ts';

const json = { 'content-type': 'application/json; charset=utf-8' };
const problemJson = { 'content-type': 'application/problem+json; charset=utf-8' };
const answer = (status: number, headers: Record<string, string>, body: unknown): ApiResponse => ({
  status,
  headers,
  body,
  text: typeof body === 'string' ? body : JSON.stringify(body),
  durationMs: 1,
});

const xss = '<img src=x onerror=alert(1)>';
const created = answer(201, json, { id: 'a', title: xss });
const read = (value: unknown, headers = json) => ({
  response: answer(200, headers, { title: value }),
  value,
});

describe('each injection check can fail', { tags: ['security', 'harness'] }, () => {
  test('the stored-string judge passes a verbatim JSON read-back and a problem refusal', () => {
    expect(storedStringProblems(xss, created, read(xss))).toEqual([]);
    expect(storedStringProblems(xss, answer(400, problemJson, { code: 'VALIDATION_FAILED' }), null)).toEqual(
      [],
    );
  });

  test.for([
    ['a 500', answer(500, problemJson, { code: 'INTERNAL_ERROR' }), null, /server error/],
    ['a redirect', answer(302, {}, ''), null, /neither 2xx nor 4xx/],
    [
      'a refusal as HTML',
      answer(400, { 'content-type': 'text/html' }, '<h1>bad</h1>'),
      null,
      /no problem JSON/,
    ],
    ['an acceptance as HTML', answer(201, { 'content-type': 'text/html' }, xss), null, /no JSON/],
    ['an HTML-escaped read-back', created, read('&lt;img src=x onerror=alert(1)&gt;'), /reads back as/],
    ['a stripped read-back', created, read(''), /reads back as/],
    ['a read-back served as HTML', created, read(xss, { 'content-type': 'text/html' }), /not 200 JSON/],
  ] as const)('it fails on %s', ([, write, readBack, expected]) => {
    expect(storedStringProblems(xss, write, readBack).join()).toMatch(expected);
  });

  test('the query judge passes a list and a problem, and fails a 500 and a list that is no JSON', () => {
    expect(queryProblems(answer(200, json, { items: [], nextCursor: null }))).toEqual([]);
    expect(queryProblems(answer(400, problemJson, { code: 'VALIDATION_FAILED' }))).toEqual([]);
    expect(queryProblems(answer(500, problemJson, { code: 'INTERNAL_ERROR' })).join()).toMatch(/neither/);
    expect(queryProblems(answer(200, { 'content-type': 'text/html' }, '<ul></ul>')).join()).toMatch(
      /not a JSON list/,
    );
  });

  test('the time-based detector names the payloads a planted injectable search sleeps on, and none on a safe one', async ({
    onTestFinished,
  }) => {
    const planted = await startPlantedSlowServer();
    onTestFinished(() => planted.close());
    // One second of sleep (not the API test's two) keeps it short; the margin is half the sleep, as there.
    const payloads = pgSleepPayloads(1).slice(0, 2);
    let n = 0;
    const benign = () => `Quiet Song ${++n}`;
    const search = (path: string) => (q: string) => planted.client.get(`${path}?q=${encodeURIComponent(q)}`);
    const vulnerable = await timeBasedInjection(search('/vulnerable'), payloads, benign, 1000);
    expect(vulnerable.slow.map((finding) => finding.payload)).toEqual(payloads);
    const safe = await timeBasedInjection(search('/safe'), payloads, benign, 1000);
    expect(safe.slow).toEqual([]);
  });

  test('the e-mail judge passes escaped text and fails raw markup, a javascript: link and dropped text', () => {
    const text = `<img src=x onerror=alert(1)> & <a href="javascript:alert(1)">x</a>`;
    const escaped = text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&#34;');
    expect(
      htmlInjectionProblems(`<p>Release “${escaped}”</p><p><a href="https://x/1">Open</a></p>`, [text]),
    ).toEqual([]);
    expect(htmlInjectionProblems(`<p>Release “${text}”</p>`, [text])).toEqual([
      'an <img> element: <img src=x onerror=alert(1)>',
      'an event handler: <img src=x onerror=alert(1)>',
      'a javascript: URL: <a href="javascript:alert(1)">',
      `${JSON.stringify(text)} is not shown as text`,
    ]);
    expect(htmlInjectionProblems('<p>Release “”</p>', [text]).join()).toMatch(/not shown as text/);
  });
});
