import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import { frame, openEventStream, textEvents, useFaultServer } from './fault-server.js';

const server = useFaultServer();

const streams = 200;
/** The deltas the server streams for request `n`: words no other request gets. */
const deltasOf = (n: number) => Array.from({ length: 8 }, (_, i) => `s${n}w${i} `);

describe('200 concurrent streams', () => {
  it('gives each stream its own events, ids and text, with no cross-talk', async () => {
    server.handle((request, res) => {
      const n = Number((JSON.parse(request.body) as { input: string }).input);
      const events = textEvents(`resp_${n}`, deltasOf(n));
      openEventStream(res);
      // Four events at a time, on timers, so that the 200 streams interleave on the wire.
      let next = 0;
      const stop = server.every(1, () => {
        res.write(
          events
            .slice(next, next + 4)
            .map(frame)
            .join(''),
        );
        next += 4;
        if (next >= events.length) {
          stop();
          res.end();
        }
      });
    });
    const client = new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
    const results = await Promise.all(
      Array.from({ length: streams }, async (_, n) => {
        const stream = await client.responses.create({
          model: 'm',
          input: String(n),
          stream: true,
        });
        const ids = new Set<string>();
        let text = '';
        for await (const event of stream) {
          const { response, item_id } = event as { response?: { id: string }; item_id?: string };
          if (response) ids.add(response.id);
          if (item_id) ids.add(item_id);
          if (event.type === 'response.output_text.delta') text += event.delta;
        }
        const final = await stream.finalResponse();
        return { n, ids: [...ids].sort(), text, final: final.output_text, id: final.id };
      }),
    );
    expect(server.requests).toHaveLength(streams);
    for (const { n, ids, text, final, id } of results) {
      const expected = deltasOf(n).join('');
      expect({ ids, text, final, id }).toEqual({
        ids: [`msg_resp_${n}`, `resp_${n}`],
        text: expected,
        final: expected,
        id: `resp_${n}`,
      });
    }
  });
});
