/** A JSON object as the fake server sends it. */
export type Json = Record<string, unknown>;

/** Identity and settings of one fake response. */
export interface FakeResponseInit {
  id: string;
  model: string;
  createdAt: number;
  previousResponseId: string | null;
  inputTokens: number;
}

/** A canonical response object in the given state. */
export function responseObject(
  init: FakeResponseInit,
  status: string,
  output: Json[],
  outputTokens: number,
): Json {
  return {
    id: init.id,
    object: 'response',
    created_at: init.createdAt,
    status,
    model: init.model,
    output,
    previous_response_id: init.previousResponseId,
    error: null,
    incomplete_details: null,
    usage:
      status === 'completed'
        ? {
            input_tokens: init.inputTokens,
            output_tokens: outputTokens,
            total_tokens: init.inputTokens + outputTokens,
          }
        : null,
  };
}

/** The assistant message item that carries a text reply. */
export function messageItem(id: string, text: string, status: string): Json {
  return {
    type: 'message',
    id,
    status,
    role: 'assistant',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
}

/**
 * The canonical event sequence of a text reply, as OpenAI sends it: created, in_progress, the
 * message item and its part opened, one delta per chunk, everything closed, completed.
 */
export function textReplyEvents(init: FakeResponseInit, chunks: readonly string[]): Json[] {
  const itemId = init.id.replace(/^resp_/, 'msg_');
  const text = chunks.join('');
  const part = { type: 'output_text', text: '', annotations: [] };
  const done = messageItem(itemId, text, 'completed');
  const at = { item_id: itemId, output_index: 0, content_index: 0 };
  const events: Json[] = [
    { type: 'response.created', response: responseObject(init, 'in_progress', [], 0) },
    { type: 'response.in_progress', response: responseObject(init, 'in_progress', [], 0) },
    {
      type: 'response.output_item.added',
      output_index: 0,
      item: { ...messageItem(itemId, '', 'in_progress'), content: [] },
    },
    { type: 'response.content_part.added', ...at, part },
    ...chunks.map((delta) => ({ type: 'response.output_text.delta', ...at, delta, logprobs: [] })),
    { type: 'response.output_text.done', ...at, text, logprobs: [] },
    { type: 'response.content_part.done', ...at, part: { ...part, text } },
    { type: 'response.output_item.done', output_index: 0, item: done },
    {
      type: 'response.completed',
      response: responseObject(init, 'completed', [done], chunks.length),
    },
  ];
  return events.map((event, sequence) => ({ ...event, sequence_number: sequence }));
}
