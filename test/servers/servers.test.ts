import { describe, expect, it } from 'vitest';
import { GATEWAY_BASE_URL, gatewayServer } from './gateway.js';
import { type Answer, events, KEY, send, useSimulations } from './harness.js';
import { KARTA_BASE_URL, kartaServer } from './karta.js';
import { KAWAI_BASE_URL, kawaiServer } from './kawai.js';
import { OPENAI_BASE_URL, openAIServer } from './openai.js';
import { OPENROUTER_BASE_URL, openRouterServer } from './openrouter.js';
import { DEFAULT_REPLY, type Scenario, type SimulatedServer, scriptFor, words } from './shared.js';
import { comment, encodeFrame, frame, parseSse } from './sse.js';

const serve = useSimulations();

interface Case {
  name: string;
  make: (scenario?: Scenario) => SimulatedServer;
  url: string;
  body: Record<string, unknown>;
  /** Asserts the server's SSE framing. */
  framing: (answer: Answer) => void;
}

const typeInEventLine = (answer: Answer) => {
  for (const { event, data } of events(answer)) expect(event).toBe(data.type);
};

const cases: Case[] = [
  {
    name: 'karta',
    make: kartaServer,
    url: `${KARTA_BASE_URL}/projects/my-app/responses`,
    body: { input: 'What roasts do you have?' },
    framing: (answer) => {
      for (const { event, data } of events(answer)) {
        expect(event).toMatch(/^response\./);
        expect(data).not.toHaveProperty('type');
      }
    },
  },
  {
    name: 'kawai',
    make: kawaiServer,
    url: `${KAWAI_BASE_URL}/responses`,
    body: { model: 'qwen3-8b-q8_0', input: [{ role: 'user', content: 'Hello' }] },
    framing: typeInEventLine,
  },
  {
    name: 'gateway',
    make: gatewayServer,
    url: `${GATEWAY_BASE_URL}/responses`,
    body: { model: 'gpt-4.1', input: 'Hello' },
    framing: typeInEventLine,
  },
  {
    name: 'openrouter',
    make: openRouterServer,
    url: `${OPENROUTER_BASE_URL}/responses`,
    body: { model: 'openai/gpt-4o', input: 'Hello' },
    framing: (answer) => {
      expect(answer.frames.every((value) => value.event === undefined)).toBe(true);
      expect(answer.frames.some((value) => value.comments.includes('OPENROUTER PROCESSING'))).toBe(
        true,
      );
      expect(answer.frames.at(-1)?.data).toBe('[DONE]');
    },
  },
  {
    name: 'openai',
    make: openAIServer,
    url: `${OPENAI_BASE_URL}/responses`,
    body: { model: 'gpt-4.1', input: 'Hello' },
    framing: (answer) => {
      typeInEventLine(answer);
      expect(answer.text).not.toContain('[DONE]');
    },
  },
];

describe.each(cases)('$name', ({ make, url, body, framing }) => {
  it('sends a stream whose frames split on blank lines and parse, in its documented framing', async () => {
    serve(make());
    const answer = await send(url, { ...body, stream: true });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/event-stream/);
    expect(answer.text.endsWith('\n\n')).toBe(true);
    expect(answer.frames.length).toBeGreaterThan(2);
    for (const value of answer.frames) {
      expect(value.data !== undefined || value.comments.length > 0).toBe(true);
      if (value.data !== undefined && value.data !== '[DONE]')
        expect(() => JSON.parse(value.data as string)).not.toThrow();
    }
    framing(answer);
  });

  it('records every request in order, with lower-cased headers and the parsed body', async () => {
    const sim = serve(make());
    await send(url, body);
    await send(`${url}/../nowhere`, { any: 'thing' });
    expect(sim.received).toHaveLength(2);
    expect(sim.received[0]).toMatchObject({ method: 'POST', url, body });
    expect(sim.received[0]?.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
    });
    expect(sim.received[1]?.path).toMatch(/\/nowhere$/);
    expect(sim.violations.map((violation) => violation.rule)).toEqual(['route.unknown']);
  });

  it('has received nothing when nothing was sent', () => {
    const sim = serve(make());
    expect(sim.received).toEqual([]);
    expect(sim.violations).toEqual([]);
  });

  it('keeps a body that is not JSON as text, and refuses it', async () => {
    const sim = serve(make());
    const answer = await send(url, '{"input": oops');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(sim.received[0]?.body).toBe('{"input": oops');
    expect(sim.violations[0]?.rule).toBe('body.json');
  });

  it('answers by the scenario read at request time', async () => {
    const sim = serve(make());
    expect((await send(url, body)).text).toContain(DEFAULT_REPLY);
    sim.scenario = { reply: 'Only Decaf Dusk today.' };
    expect((await send(url, body)).text).toContain('Only Decaf Dusk today.');
  });
});

describe('scenarios', () => {
  it('split the reply into word deltas that join back to it', () => {
    expect(words(DEFAULT_REPLY)).toEqual([
      "We've ",
      'got ',
      'Sunrise, ',
      'Midnight, ',
      'and ',
      'Decaf ',
      'Dusk. ',
      '☕',
    ]);
    expect(words('')).toEqual([]);
  });

  it('refuse chunks that do not join to the reply', () => {
    expect(() => scriptFor({ reply: 'ab', chunks: ['a', 'c'] }, [], false)).toThrow(/join/);
  });

  it('call a tool only when offered and, unless repeat is set, before any tool result', () => {
    const toolCall = { name: 'f', arguments: '{}' };
    expect(scriptFor({ toolCall }, [], false).call).toBeUndefined();
    expect(scriptFor({ toolCall }, ['f'], false).call).toEqual({
      ...toolCall,
      callId: 'call_sim_1',
    });
    expect(scriptFor({ toolCall }, ['f'], true).call).toBeUndefined();
    expect(scriptFor({ toolCall: { ...toolCall, repeat: true } }, ['f'], true).call).toBeDefined();
  });

  it('stop after the asked number of deltas, at most all of them', () => {
    expect(scriptFor({ failMidStream: { message: 'x', after: 2 } }, [], false).stopAfter).toBe(2);
    expect(scriptFor({ failMidStream: { message: 'x', after: 99 } }, [], false).stopAfter).toBe(8);
    expect(scriptFor({ incomplete: { reason: 'max_output_tokens' } }, [], false).stopAfter).toBe(4);
  });
});

describe('sse', () => {
  it('encodes frames that parse back to the same fields', () => {
    const text = [frame({ a: 1 }, 'x'), comment('OPENROUTER PROCESSING'), frame('[DONE]')]
      .map(encodeFrame)
      .join('');
    expect(text).toBe('event: x\ndata: {"a":1}\n\n: OPENROUTER PROCESSING\n\ndata: [DONE]\n\n');
    expect(parseSse(text).map(({ event, data, comments }) => ({ event, data, comments }))).toEqual([
      { event: 'x', data: '{"a":1}', comments: [] },
      { event: undefined, data: undefined, comments: ['OPENROUTER PROCESSING'] },
      { event: undefined, data: '[DONE]', comments: [] },
    ]);
  });

  it('joins multi-line data and reads CRLF line ends', () => {
    expect(parseSse('data: a\r\ndata: b\r\n\r\n')[0]?.data).toBe('a\nb');
  });
});
