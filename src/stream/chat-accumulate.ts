import type { ChatCompletion, ChatCompletionChunk } from '../types/index.js';
import { TextBuilder } from './text-builder.js';

type Json = Record<string, unknown>;

interface ToolCall {
  id: string;
  type: string;
  name: string;
  arguments: TextBuilder;
}

interface Choice {
  role: string;
  content: TextBuilder | undefined;
  refusal: TextBuilder | undefined;
  toolCalls: ToolCall[];
  finishReason: string | null;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * Rebuilds a chat completion from its chunks: per choice (by `index`, 0 when a server leaves it
 * out), the role, content, refusal and tool calls (arguments joined by tool call `index`; none
 * at all reads as `"{}"`), the
 * finish reason; the id, model and creation time of the first chunk; usage from the chunk that
 * carries it.
 */
export class ChatCompletionAccumulator {
  #head: Json = {};
  #usage: unknown;
  readonly #choices: Choice[] = [];
  /** Whether some choice has finished (a `finish_reason` arrived). */
  finished = false;

  /** Folds one chunk into the completion being rebuilt. */
  add(chunk: ChatCompletionChunk): void {
    const c = chunk as Json;
    if (this.#head.id === undefined) this.#head = { id: c.id, created: c.created, model: c.model };
    if (c.usage) this.#usage = c.usage;
    if (!Array.isArray(c.choices)) return;
    for (const raw of c.choices as Json[]) {
      const index =
        typeof raw.index === 'number' && raw.index >= 0 && raw.index < 1e4 ? raw.index : 0;
      this.#choices[index] ??= {
        role: 'assistant',
        content: undefined,
        refusal: undefined,
        toolCalls: [],
        finishReason: null,
      };
      const choice = this.#choices[index];
      const delta = (raw.delta ?? {}) as Json;
      if (typeof delta.role === 'string') choice.role = delta.role;
      const content = text(delta.content);
      if (content !== undefined) {
        choice.content ??= new TextBuilder();
        choice.content.add(content);
      }
      const refusal = text(delta.refusal);
      if (refusal !== undefined) {
        choice.refusal ??= new TextBuilder();
        choice.refusal.add(refusal);
      }
      if (Array.isArray(delta.tool_calls))
        for (const call of delta.tool_calls as Json[]) this.#toolCall(choice, call);
      if (typeof raw.finish_reason === 'string') {
        choice.finishReason = raw.finish_reason;
        this.finished = true;
      }
    }
  }

  #toolCall(choice: Choice, call: Json): void {
    const at =
      typeof call.index === 'number' && call.index >= 0 && call.index < 1e4
        ? call.index
        : choice.toolCalls.length;
    choice.toolCalls[at] ??= { id: '', type: 'function', name: '', arguments: new TextBuilder() };
    const target = choice.toolCalls[at];
    const fn = (call.function ?? {}) as Json;
    if (typeof call.id === 'string') target.id = call.id;
    if (typeof call.type === 'string') target.type = call.type;
    if (typeof fn.name === 'string') target.name += fn.name;
    if (typeof fn.arguments === 'string') target.arguments.add(fn.arguments);
  }

  /** The completion as rebuilt so far. */
  result(): ChatCompletion {
    const choices = this.#choices
      .map((choice, index) => ({
        index,
        message: {
          role: choice.role,
          content: choice.content?.toString() ?? null,
          ...(choice.refusal ? { refusal: choice.refusal.toString() } : {}),
          ...(choice.toolCalls.length
            ? {
                tool_calls: choice.toolCalls
                  .filter((call) => call !== undefined)
                  .map((call) => ({
                    id: call.id,
                    type: call.type,
                    // No fragment at all (OpenRouter, for a function with no parameters): `{}`.
                    function: { name: call.name, arguments: call.arguments.toString() || '{}' },
                  })),
              }
            : {}),
        },
        finish_reason: choice.finishReason,
      }))
      .filter((choice) => choice !== undefined);
    return {
      ...this.#head,
      object: 'chat.completion',
      choices,
      usage: this.#usage ?? null,
    } as ChatCompletion;
  }
}
