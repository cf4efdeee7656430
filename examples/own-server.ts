import { defineDialect, sparseEvents } from 'responses-client';

/**
 * Lumen, a server of our own that speaks a sparse Responses dialect: its key goes in
 * `x-api-key`, it keeps no state (so it refuses `store: true`), it calls `max_output_tokens`
 * `max_tokens`, and its stream sends text as `{ type: 'text', delta }` with no ids, indexes or
 * sequence numbers. `sparseEvents()` fills those in, so the app sees OpenAI's event sequence.
 */
export const lumen = defineDialect({
  name: 'lumen',
  baseURL: 'http://127.0.0.1:8080/v1',
  state: 'replay',
  authHeaders: (key) => ({ 'x-api-key': key }),
  request: {
    rules: (params) =>
      params.store ? [{ path: ['store'], message: 'Lumen stores no responses' }] : [],
    mapRequest: ({ max_output_tokens, ...params }) => ({
      ...params,
      max_tokens: max_output_tokens,
    }),
  },
  // One normalizer per stream: Lumen's own text event renamed, then the gaps filled.
  eventNormalizer: () => {
    const fill = sparseEvents();
    return (event) =>
      fill(event.type === 'text' ? { ...event, type: 'response.output_text.delta' } : event);
  },
});
