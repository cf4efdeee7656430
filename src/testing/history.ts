import { isObject } from '../json.js';
import type { ResponseItem } from '../resources/responses.js';
import type { Response, ResponseStreamEvent } from '../types/index.js';

type Json = Record<string, unknown>;

/** A response the fake server keeps, with what it was made of. */
export interface StoredResponse {
  /** What retrieve answers now. */
  response: Response;
  /** Its final state, while a `background` response is still queued (until first retrieved). */
  pending: Response | undefined;
  /** Its canonical events, for `retrieve(id, { stream: true, starting_after })`. */
  events: ResponseStreamEvent[];
  /** Its input items, with ids, oldest first. */
  input: ResponseItem[];
  /** The response it continued from. */
  previous: string | undefined;
  background: boolean;
}

/** A conversation the fake server keeps: what `GET /conversations/{id}` answers, and its items. */
export interface StoredConversation {
  id: string;
  /** Unix seconds. */
  created_at: number;
  metadata: Json;
  /** Its items, oldest first, each with an id. */
  items: ResponseItem[];
}

/** A chat completion created with `store: true`, as `retrieve` answers it, and its request's messages. */
export interface StoredChat {
  completion: Json;
  /** The request's messages, each with its id (`<completion id>-<n>`), oldest first. */
  messages: Json[];
}

const prefixes: Record<string, string> = {
  message: 'msg',
  function_call: 'fc',
  function_call_output: 'fco',
  reasoning: 'rs',
};

/**
 * A request's input as the items a server keeps: text is one user message, a message's text
 * content becomes `input_text` (`output_text` for the assistant's) parts, a chat `tool` message
 * (the gateway's `messages`) a `function_call_output`, and every item gets an id. System and
 * developer messages of the gateway's `messages` are its instructions, not items.
 */
export function inputItems(body: Json, id: (prefix: string) => string): ResponseItem[] {
  const fromMessages = body.input == null && Array.isArray(body.messages);
  const input = fromMessages ? body.messages : body.input;
  const list = typeof input === 'string' ? [{ role: 'user', content: input }] : input;
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).flatMap((item): ResponseItem[] => {
    if (fromMessages && (item.role === 'system' || item.role === 'developer')) return [];
    if (item.role === 'tool') {
      const call_id = item.tool_call_id ?? item.call_id;
      return [
        {
          type: 'function_call_output',
          id: id('fco'),
          call_id,
          output: item.content,
        } as ResponseItem,
      ];
    }
    const type = typeof item.type === 'string' ? item.type : 'message';
    if (type !== 'message')
      return [{ ...item, id: item.id ?? id(prefixes[type] ?? 'item') } as ResponseItem];
    const part = item.role === 'assistant' ? 'output_text' : 'input_text';
    const content =
      typeof item.content === 'string' ? [{ type: part, text: item.content }] : item.content;
    return [
      {
        ...item,
        type,
        id: item.id ?? id('msg'),
        status: item.status ?? 'completed',
        content,
      } as ResponseItem,
    ];
  });
}

/**
 * What the fake server remembers: its responses, its conversations with their items, and the
 * chat completions it stored.
 */
export class History {
  readonly responses = new Map<string, StoredResponse>();
  readonly conversations = new Map<string, StoredConversation>();
  readonly chats = new Map<string, StoredChat>();

  /** The conversation `id`, made empty first if it has none by that id. */
  conversation(id: string): StoredConversation {
    let kept = this.conversations.get(id);
    if (!kept) {
      kept = { id, created_at: Math.floor(Date.now() / 1000), metadata: {}, items: [] };
      this.conversations.set(id, kept);
    }
    return kept;
  }

  /**
   * Every item of the chain of responses ending at `id`, oldest first (inputs and outputs);
   * `cache`: responses a socket keeps of its own (`store: false` over a WebSocket).
   */
  chain(id: string | undefined, cache?: ReadonlyMap<string, StoredResponse>): ResponseItem[] {
    const items: ResponseItem[][] = [];
    const seen = new Set<string>();
    for (let at = id; at !== undefined && !seen.has(at); ) {
      seen.add(at);
      const stored = this.responses.get(at) ?? cache?.get(at);
      if (!stored) break;
      const final = stored.pending ?? stored.response;
      items.unshift([...stored.input, ...final.output]);
      at = stored.previous;
    }
    return items.flat();
  }
}
