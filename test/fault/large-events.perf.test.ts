import { describe, expect, it } from 'vitest';
import { drain, useFaultServer } from './fault-server.js';
import { bigText, MB, oneBigDelta, sparseClient } from './large.js';

const server = useFaultServer();

describe('single events far above 5 MB', () => {
  it.each([16, 48])(
    'delivers one %i MB delta whole, and the final text rebuilt from the deltas (a sparse dialect) equal to them',
    async (size) => {
      const huge = bigText(size * MB);
      const stream = await oneBigDelta(server, sparseClient(server.baseURL), huge);
      const { events, error } = await drain(stream);
      expect(error).toBeUndefined();
      const delta = events.find(
        (event) => event.type === 'response.output_text.delta' && event.delta.length > 100,
      );
      expect(delta?.type === 'response.output_text.delta' && delta.delta === huge).toBe(true);
      expect((await stream.finalResponse()).output_text === `start ${huge} end`).toBe(true);
    },
    60_000,
  );
});
