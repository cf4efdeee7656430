import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import { type FaultServer, sendJSON, startFaultServer } from './fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
// Every connection a test opened is closed by its end: the client lets go of what it stops reading.
afterEach(async () => expect(await server.allClosed()).toBe(true));
afterAll(() => server.close());

describe('input-item pages without end', () => {
  it('stops after 10,000 pages when every page says has_more with a new cursor', async () => {
    server.handle((_request, res, index) =>
      sendJSON(res, 200, {
        object: 'list',
        data: [{ type: 'message', id: `m${index}`, role: 'user', content: [] }],
        last_id: `m${index}`,
        has_more: true,
      }),
    );
    const client = new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
    let items = 0;
    for await (const _item of client.responses.inputItems.list('resp_1')) items++;
    expect(items).toBe(10_000);
    expect(server.requests).toHaveLength(10_000);
  }, 60_000);
});
