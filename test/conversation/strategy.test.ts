import { describe, expect, it } from 'vitest';
import type { SavedConversation } from '../../src/conversation/conversation-types.js';
import { contextFields, refusesPrevious, replayable } from '../../src/conversation/strategy.js';
import { APIError, type ResponseInputItem } from '../../src/index.js';
import { setUp } from '../testing/setup.js';

const state = (strategy: SavedConversation['strategy'], conversation: string | null = null) =>
  ({
    version: 1,
    dialect: 'openai',
    strategy,
    previousResponseId: null,
    conversation,
    params: {},
    items: [],
  }) satisfies SavedConversation;

const question = { role: 'user', content: 'Q2' } as const;
const history: ResponseInputItem[] = [
  { role: 'user', content: 'Q1' },
  {
    type: 'reasoning',
    id: 'rs_1',
    summary: [{ type: 'summary_text', text: 'Thinking about roasts' }],
  },
  {
    type: 'reasoning',
    id: 'rs_2',
    summary: [],
    encrypted_content: 'gAAAA…',
  },
  {
    type: 'function_call',
    id: 'fc_resp_1_0',
    call_id: 'call_1',
    name: 'menu',
    arguments: '{}',
    status: 'completed',
  },
  { type: 'function_call_output', call_id: 'call_1', output: 'Sunrise, Midnight' },
  {
    type: 'message',
    id: 'msg_resp_1_1',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: 'Two roasts.', annotations: [] }],
  },
];

describe('replayable', () => {
  it('leaves out ids and reasoning a server that keeps nothing cannot read, keeping calls before their outputs', () => {
    expect(replayable(history)).toEqual([
      { role: 'user', content: 'Q1' },
      { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: 'gAAAA…' },
      {
        type: 'function_call',
        call_id: 'call_1',
        name: 'menu',
        arguments: '{}',
        status: 'completed',
      },
      { type: 'function_call_output', call_id: 'call_1', output: 'Sunrise, Midnight' },
      {
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Two roasts.', annotations: [] }],
      },
    ]);
  });
});

describe('contextFields', () => {
  const request = { history, previousId: 'resp_1', pending: [question] };

  it('sends the new items and the previous response id', () => {
    expect(contextFields(state('previous_response_id'), request)).toEqual({
      input: [question],
      previous_response_id: 'resp_1',
    });
  });

  it('sends the whole history while no response id is known, as after resuming a replayed conversation', () => {
    const fields = contextFields(state('previous_response_id'), { ...request, previousId: null });
    expect(fields.input).toEqual([...replayable(history), question]);
    expect(fields).not.toHaveProperty('previous_response_id');
  });

  it('sends the new items and the conversation id', () => {
    expect(contextFields(state('conversation', 'conv_1'), request)).toEqual({
      input: [question],
      conversation: 'conv_1',
    });
  });

  it('replays the history, then the new items', () => {
    expect(contextFields(state('replay'), request)).toEqual({
      input: [...replayable(history), question],
    });
  });
});

describe('refusesPrevious', () => {
  const error = (status: number, param: string | undefined, message: string) =>
    APIError.generate({ status, serverMessage: message, body: { param, message } });

  it('recognizes a 400 or 404 that blames previous_response_id, by param or by message', () => {
    expect(
      refusesPrevious(error(400, 'previous_response_id', 'Previous response not found.')),
    ).toBe(true);
    expect(refusesPrevious(error(404, undefined, "No response for 'previous_response_id'."))).toBe(
      true,
    );
  });

  it('lets every other error through', () => {
    expect(refusesPrevious(error(400, 'input', 'Invalid input.'))).toBe(false);
    expect(refusesPrevious(error(500, 'previous_response_id', 'Server error.'))).toBe(false);
    expect(refusesPrevious(new Error('previous_response_id'))).toBe(false);
  });
});

describe('reasoning in a replayed conversation', () => {
  it('is not sent back to a server that keeps nothing when it has no encrypted content', async () => {
    const { server, client } = setUp('kawai', {
      turns: [{ text: 'Midnight.', reasoning: 'The darkest roast is Midnight.' }, 'Yes.'],
    });
    const chat = client.conversation({ model: 'qwen3-8b-q8_0' });
    await chat.send('Which is the darkest?');
    expect(chat.items.map((item) => ('type' in item ? item.type : 'user'))).toEqual([
      'user',
      'reasoning',
      'message',
    ]);
    await chat.send('Is it strong?');
    const input = server.requests[1]?.body?.input as { type?: string }[];
    expect(input.map((item) => item.type ?? 'user')).toEqual(['user', 'message', 'user']);
  });
});
