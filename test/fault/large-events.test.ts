import { describe, expect, it } from 'vitest';
import { ResponsesClient } from '../../src/index.js';
import {
  completedResponse,
  drain,
  frame,
  openEventStream,
  sendJSON,
  useFaultServer,
} from './fault-server.js';
import { bigText, MB, oneBigDelta, sparseClient } from './large.js';

const server = useFaultServer();

const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });

describe('single events of 5 MB', () => {
  it('delivers one 5 MB delta whole, in 64 KB chunks, and the final text rebuilt from the deltas (a sparse dialect) equal to them', async () => {
    const huge = bigText(5 * MB);
    const stream = await oneBigDelta(server, sparseClient(server.baseURL), huge);
    const { events: received, error } = await drain(stream);
    expect(error).toBeUndefined();
    const deltas = received.flatMap((event) =>
      event.type === 'response.output_text.delta' ? [event.delta] : [],
    );
    expect(deltas.length).toBe(3);
    expect(deltas[1] === huge).toBe(true);
    expect((await stream.finalResponse()).output_text === `start ${huge} end`).toBe(true);
  });

  it('delivers a 5 MB terminal event, and the final response equal to it', async () => {
    const huge = bigText(5 * MB);
    const done = completedResponse('resp_big_done', huge);
    server.handle((_request, res) => {
      openEventStream(res);
      res.write(
        frame({
          type: 'response.created',
          sequence_number: 0,
          response: { ...done, status: 'in_progress', output: [] },
        }),
      );
      res.end(frame({ type: 'response.completed', sequence_number: 1, response: done }));
    });
    const stream = await client().responses.create({ model: 'm', input: 'hi', stream: true });
    const final = await stream.finalResponse();
    expect(final.id).toBe('resp_big_done');
    expect(final.output_text === huge).toBe(true);
  });

  it('reads a unary response of 5 MB', async () => {
    const huge = bigText(5 * MB);
    server.handle((_request, res) => sendJSON(res, 200, completedResponse('resp_unary', huge)));
    const response = await client().responses.create({ model: 'm', input: 'hi' });
    expect(response.output_text === huge).toBe(true);
  });
});
