import { describe, expect, it } from 'vitest';
import { type APIError, NotFoundError, ResponsesClient } from '../../src/index.js';
import { caught, useFaultServer } from './fault-server.js';

const server = useFaultServer();

const client = () => new ResponsesClient({ baseURL: server.baseURL, maxRetries: 0 });
const answer = (status: number, body: string, contentType = 'application/json') =>
  server.handle((_request, res) => {
    res.writeHead(status, body ? { 'content-type': contentType } : {});
    res.end(body);
  });
const confirmed = { id: 'resp_del', object: 'response', deleted: true };

describe('delete answered by any 2xx', () => {
  it.each([
    ['204 with no body', 204, ''],
    ['200 with no body', 200, ''],
    ['200 {}', 200, '{}'],
    ['200 with a JSON object a proxy put in its place', 200, '{"status":"ok","proxied":true}'],
    ['200 with a JSON value that is not an object', 200, 'true'],
    ['202 Accepted as text', 202, 'Accepted'],
    ['200 "OK" as text', 200, 'OK'],
  ])('counts %s as deleted', async (_name, status, body) => {
    answer(status, body, body && !/^[{t]/.test(body) ? 'text/plain' : 'application/json');
    await expect(client().responses.delete('resp_del')).resolves.toEqual(confirmed);
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', url: '/v1/responses/resp_del' });
  });

  it("returns the server's deleted-response object as it sent it", async () => {
    const body = { id: 'resp_del', object: 'response.deleted', deleted: true, extra: 1 };
    answer(200, JSON.stringify(body));
    await expect(client().responses.delete('resp_del')).resolves.toEqual(body);
  });

  it('keeps deleted: false when the server says so', async () => {
    answer(200, JSON.stringify({ id: 'resp_del', object: 'response', deleted: false }));
    expect((await client().responses.delete('resp_del')).deleted).toBe(false);
  });

  it('gives the raw response with withResponse()', async () => {
    answer(204, '');
    const { data, response } = await client().responses.delete('resp_del').withResponse();
    expect(data).toEqual(confirmed);
    expect(response.status).toBe(204);
  });

  it('still throws the typed error of a failed delete', async () => {
    answer(404, '{"error":{"message":"No response with id resp_del","code":"not_found"}}');
    const error = await caught(() => client().responses.delete('resp_del'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ message: '404 No response with id resp_del' });
    expect((error as APIError).code).toBe('not_found');
  });
});
