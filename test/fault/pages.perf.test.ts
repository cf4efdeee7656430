import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import { sendJSON, useFaultServer } from './fault-server.js';

const server = useFaultServer();

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
