/**
 * For the self-tests: one msw server per test file, and plain `fetch` calls (not the SDK) that
 * read the answer back as JSON or as SSE frames.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { SimulatedServer } from './shared.js';
import { type ParsedFrame, parseSse } from './sse.js';

/** Starts msw for the calling file; `serve(sim)` installs a simulation for the current test. */
export function useSimulations(): <T extends SimulatedServer>(simulation: T) => T {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return (simulation) => {
    server.use(...simulation.handlers);
    return simulation;
  };
}

/** What came back. */
export interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** The JSON body (`undefined` for a stream or a non-JSON body). */
  json: Record<string, unknown> & { error?: Record<string, unknown> };
  frames: ParsedFrame[];
}

export const KEY = 'kt_live_test_key';

/** A request like the seeds' curl examples: JSON body, bearer key unless `headers` says otherwise. */
export async function send(
  url: string,
  body?: unknown,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers = options.headers ?? {
    Authorization: `Bearer ${KEY}`,
    'Content-Type': 'application/json',
  };
  const init: RequestInit = {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
  };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(url, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const stream = contentType.startsWith('text/event-stream');
  let json: Answer['json'] = {};
  if (!stream && text !== '') json = JSON.parse(text) as Answer['json'];
  return { status: response.status, contentType, text, json, frames: stream ? parseSse(text) : [] };
}

/** The JSON data of the frames (skipping `[DONE]`), each with the frame's `event:` name. */
export function events(
  answer: Answer,
): { event: string | undefined; data: Record<string, unknown> }[] {
  return answer.frames
    .filter((value) => value.data !== undefined && value.data !== '[DONE]')
    .map((value) => ({
      event: value.event,
      data: JSON.parse(value.data as string) as Record<string, unknown>,
    }));
}

/** The text of every delta, joined. */
export function joined(list: { data: Record<string, unknown> }[], key = 'delta'): string {
  return list.map(({ data }) => (typeof data[key] === 'string' ? data[key] : '')).join('');
}
