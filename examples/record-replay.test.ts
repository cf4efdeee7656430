/**
 * Record once, replay in CI. With RECORD=1 (and OPENAI_API_KEY) and no cassette yet, the test
 * talks to OpenAI through a recorder and saves what it said in cassettes/weather.json; every
 * other run replays that file: no network, no key. Commit the cassette (it holds no secret).
 *
 *   RECORD=1 OPENAI_API_KEY=sk-… npx vitest run examples/record-replay.test.ts   # records
 *   npx vitest run examples/record-replay.test.ts                                 # replays
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ResponsesClient } from 'responses-client';
import { createFakeServer, createRecorder } from 'responses-client/testing';
import { afterAll, expect, it } from 'vitest';
import { askWeather } from './weather-assistant.js';

const file = new URL('./cassettes/weather.json', import.meta.url);
const recording = process.env.RECORD === '1' && !existsSync(file);

// Recording: the real server, through a recorder. Otherwise: the cassette, replayed.
const recorder = recording ? createRecorder({ fetch: globalThis.fetch }) : undefined;
const replay = recording
  ? undefined
  : createFakeServer({ cassette: JSON.parse(readFileSync(file, 'utf8')) });

afterAll(() => {
  if (!recorder) return;
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(recorder.cassette(), null, 2)}\n`);
});

// Only `fetch` differs: the base URL is OpenAI's either way, and a replay needs no key.
const client = new ResponsesClient({
  apiKey: process.env.OPENAI_API_KEY ?? 'sk-replaying',
  fetch: recorder?.fetch ?? replay?.fetch,
});

it('answers a weather question, calling get_weather on the way', async () => {
  const shown: string[] = [];

  const answer = await askWeather(client, 'Do I need a coat in Oslo?', (text) => shown.push(text));

  expect(answer).toMatch(/coat/i);
  expect(shown.join('')).toBe(answer);
  // Replaying, every recorded exchange was played: the app sent what it sent when recording.
  if (replay) expect(replay.remainingTurns).toBe(0);
});
