/**
 * What the resource tests share: an msw server for the file, the requests it received (body
 * parsed), a handler wrapper that records them, a client of it, and a completed response whose
 * text comes in two parts (with a reasoning item before it).
 */
import type { SetupServer } from 'msw/node';
import { afterEach } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import { baseURL, useMswServer } from '../helpers/msw.js';

export { baseURL };

/** One request as the server received it. */
export interface Received {
  method: string;
  url: string;
  body: unknown;
  headers: Headers;
}

/** A completed response: a reasoning item, then a message of two text parts. */
export const completed = {
  id: 'resp_1',
  object: 'response',
  status: 'completed',
  model: 'm',
  output: [
    { type: 'reasoning', id: 'rs_1', summary: [] },
    {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      status: 'completed',
      content: [
        { type: 'output_text', text: 'Sunrise, ', annotations: [] },
        { type: 'output_text', text: 'Midnight', annotations: [] },
      ],
    },
  ],
};

/** The msw server of the calling test file, what it received (emptied after each test), and `record`. */
export function useRecorder(): {
  server: SetupServer;
  received: Received[];
  record: (
    handler: (request: Request, body: unknown) => Response | Promise<Response>,
  ) => (info: { request: Request }) => Promise<Response>;
  client: () => ResponsesClient;
} {
  const server = useMswServer();
  const received: Received[] = [];
  afterEach(() => {
    received.length = 0;
  });
  const record =
    (handler: (request: Request, body: unknown) => Response | Promise<Response>) =>
    async ({ request }: { request: Request }) => {
      const text = await request.clone().text();
      const body = text ? JSON.parse(text) : undefined;
      received.push({ method: request.method, url: request.url, body, headers: request.headers });
      return handler(request, body);
    };
  const client = () => new ResponsesClient({ baseURL, apiKey: 'sk-test', maxRetries: 0 });
  return { server, received, record, client };
}
