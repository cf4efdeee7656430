import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/index.js';
import { textStreamFrames } from '../helpers/streams.js';
import { baseURL, completed, useRecorder } from './recorder.js';

const { server, received, record, client } = useRecorder();

describe('responses.retrieve, delete and cancel', () => {
  it('retrieves by id, keeping an id with slashes as one path segment', async () => {
    server.use(
      http.get(
        `${baseURL}/responses/:id`,
        record(() => HttpResponse.json(completed)),
      ),
    );
    const response = await client().responses.retrieve('../admin');
    expect(new URL(received[0]?.url ?? '').pathname).toBe('/v1/responses/..%2Fadmin');
    expect(response.output_text).toBe('Sunrise, Midnight');
  });

  it('resumes a stream with stream=true and starting_after in the query', async () => {
    const frames = textStreamFrames(['lo']).slice(1);
    server.use(
      http.get(
        `${baseURL}/responses/:id`,
        record(
          () =>
            new HttpResponse(frames.join(''), { headers: { 'content-type': 'text/event-stream' } }),
        ),
      ),
    );
    const stream = await client().responses.retrieve('resp_1', { stream: true, starting_after: 4 });
    const url = new URL(received[0]?.url ?? '');
    expect(url.searchParams.get('stream')).toBe('true');
    expect(url.searchParams.get('starting_after')).toBe('4');
    const response = await stream.finalResponse();
    expect(response.status).toBe('completed');
  });

  it('repeats include in the query, once per value', async () => {
    server.use(
      http.get(
        `${baseURL}/responses/:id`,
        record(() => HttpResponse.json(completed)),
      ),
    );
    await client().responses.retrieve('resp_1', {
      include: ['reasoning.encrypted_content', 'message.output_text.logprobs'],
    });
    expect(new URL(received[0]?.url ?? '').searchParams.getAll('include')).toEqual([
      'reasoning.encrypted_content',
      'message.output_text.logprobs',
    ]);
  });

  it('deletes by id and returns the confirmation', async () => {
    server.use(
      http.delete(
        `${baseURL}/responses/:id`,
        record(() => HttpResponse.json({ id: 'resp_1', object: 'response', deleted: true })),
      ),
    );
    expect(await client().responses.delete('resp_1')).toEqual({
      id: 'resp_1',
      object: 'response',
      deleted: true,
    });
    expect(received[0]?.method).toBe('DELETE');
  });

  it('confirms a delete answered with an empty body', async () => {
    server.use(
      http.delete(`${baseURL}/responses/:id`, () => new HttpResponse(null, { status: 200 })),
    );
    expect(await client().responses.delete('resp_2')).toEqual({
      id: 'resp_2',
      object: 'response',
      deleted: true,
    });
  });

  it('cancels with POST /responses/{id}/cancel', async () => {
    server.use(
      http.post(
        `${baseURL}/responses/:id/cancel`,
        record(() => HttpResponse.json({ ...completed, status: 'cancelled' })),
      ),
    );
    const response = await client().responses.cancel('resp_1');
    expect(received[0]?.url).toBe(`${baseURL}/responses/resp_1/cancel`);
    expect(response.status).toBe('cancelled');
  });

  it('refuses a retrieve query the API does not allow before sending anything', async () => {
    await expect(
      client().responses.retrieve('resp_1', { starting_after: -1 } as never),
    ).rejects.toThrow(/starting_after/);
    expect(received).toHaveLength(0);
  });

  it('refuses an id of ".." before sending anything', async () => {
    await expect(client().responses.retrieve('..')).rejects.toBeInstanceOf(RequestValidationError);
    await expect(client().responses.delete('')).rejects.toBeInstanceOf(RequestValidationError);
    expect(received).toHaveLength(0);
  });
});
