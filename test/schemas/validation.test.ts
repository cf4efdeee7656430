import { describe, expect, it } from 'vitest';
import { RequestValidationError, ResponseValidationError } from '../../src/errors.js';
import {
  checkRequest,
  deepValidation,
  envelopeValidation,
  parseWire,
} from '../../src/schemas/index.js';

const message = {
  type: 'message',
  id: 'msg_1',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text: 'hi', annotations: [] }],
};
/** A web search call whose `action.type` is a number: wrong deep inside the item. */
const brokenWebSearch = {
  type: 'web_search_call',
  id: 'ws_1',
  status: 'completed',
  action: { type: 42 },
};
const response = (output: unknown[]) => ({
  id: 'resp_1',
  object: 'response',
  status: 'completed',
  output,
});

describe('envelopeValidation (the default)', () => {
  it('checks every field of an event of its own', () => {
    const delta = {
      type: 'response.output_text.delta',
      item_id: 'm',
      output_index: '0',
      content_index: 0,
      delta: 'x',
    };
    expect(() => envelopeValidation.event(delta)).toThrow(ResponseValidationError);
    try {
      envelopeValidation.event(delta);
    } catch (error) {
      expect((error as ResponseValidationError).issues[0]?.path).toEqual(['output_index']);
    }
  });

  it('checks the fields of a response of its own, naming the path', () => {
    const bad = { ...response([message]), usage: { input_tokens: 'many', output_tokens: 1 } };
    const failure = (() => {
      try {
        parseWire(envelopeValidation.response, bad, 'response');
      } catch (error) {
        return error as ResponseValidationError;
      }
    })();
    expect(failure?.issues[0]?.path).toEqual(['usage', 'input_tokens']);
  });

  it('checks nested items by their type, id and status, and passes the rest through as sent', () => {
    const parsed = parseWire(
      envelopeValidation.response,
      response([message, brokenWebSearch]),
      'response',
    );
    expect(parsed).toMatchObject({ output: [message, brokenWebSearch] });
    expect(() =>
      parseWire(envelopeValidation.response, response([{ id: 'x' }]), 'response'),
    ).toThrow(/output\.0\.type/);
  });

  it('lets an event of an unknown type through whole', () => {
    const event = {
      type: 'response.future_thing.delta',
      sequence_number: 3,
      anything: { at: 'all' },
    };
    expect(envelopeValidation.event(event)).toEqual(event);
  });

  it('refuses an event without a type', () => {
    expect(() => envelopeValidation.event({ delta: 'x' })).toThrow(
      'type: expected a string, got undefined',
    );
  });

  it('checks a request in full where it matters: ranges, function tools, messages', () => {
    const request = envelopeValidation.request;
    expect(() => checkRequest(request, { model: 'm', input: 'hi', temperature: 3 })).toThrow(
      /temperature/,
    );
    expect(() =>
      checkRequest(request, { model: 'm', input: 'hi', tools: [{ type: 'function' }] }),
    ).toThrow(RequestValidationError);
    expect(() =>
      checkRequest(request, { model: 'm', input: [{ role: 'robot', content: 'hi' }] }),
    ).toThrow(RequestValidationError);
    expect(() =>
      checkRequest(request, {
        model: 'm',
        input: 'hi',
        tools: [{ type: 'web_search', filters: {} }],
      }),
    ).not.toThrow();
  });
});

describe('deepValidation', () => {
  it('checks every nested field of every item, naming the path', () => {
    const failure = (() => {
      try {
        parseWire(deepValidation.response, response([message, brokenWebSearch]), 'response');
      } catch (error) {
        return error as ResponseValidationError;
      }
    })();
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect(failure?.issues.map((issue) => issue.path.join('.'))).toContain('output.1.action.type');
  });

  it('checks the item an output_item.done event carries', () => {
    const event = {
      type: 'response.output_item.done',
      output_index: 0,
      sequence_number: 1,
      item: brokenWebSearch,
    };
    expect(envelopeValidation.event(event)).toEqual(event);
    expect(() => deepValidation.event(event)).toThrow(ResponseValidationError);
  });
});
