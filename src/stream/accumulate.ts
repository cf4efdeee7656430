import type { Response, ResponseStreamEvent } from '../schemas/index.js';
import { withOutputText } from './output-text.js';

type Item = Record<string, unknown> & { type?: unknown; content?: unknown };
type Part = Record<string, unknown> & { text?: unknown };

const terminalTypes = new Set(['response.completed', 'response.failed', 'response.incomplete']);

/** Whether an event ends a Responses stream. */
export const isTerminalEvent = (type: string): boolean => terminalTypes.has(type);

/**
 * Rebuilds the response from its events: the latest response snapshot, plus output items and
 * text parts keyed by `output_index` / `content_index` (the only ids every server keeps stable).
 * The terminal event's own `output` wins where it has one.
 */
export class ResponseAccumulator {
  #snapshot: Record<string, unknown> | undefined;
  readonly #items: Item[] = [];

  /** Folds one event into the response being rebuilt. */
  add(event: ResponseStreamEvent): void {
    const e = event as Record<string, unknown>;
    if (typeof e.response === 'object' && e.response !== null)
      this.#snapshot = e.response as Record<string, unknown>;
    const index = typeof e.output_index === 'number' ? e.output_index : undefined;
    switch (event.type) {
      case 'response.output_item.added':
      case 'response.output_item.done':
        if (index !== undefined && typeof e.item === 'object' && e.item !== null)
          this.#items[index] = { ...(e.item as Item) };
        break;
      case 'response.content_part.added':
      case 'response.content_part.done':
        if (index !== undefined && typeof e.part === 'object' && e.part !== null) {
          this.#content(index)[Number(e.content_index ?? 0)] = { ...(e.part as Part) };
        }
        break;
      case 'response.output_text.delta':
        if (typeof e.delta === 'string')
          this.#part(index ?? this.#lastIndex(), Number(e.content_index ?? 0)).text += e.delta;
        break;
      case 'response.output_text.done':
        if (typeof e.text === 'string')
          this.#part(index ?? this.#lastIndex(), Number(e.content_index ?? 0)).text = e.text;
        break;
    }
  }

  /** The response as rebuilt so far, with `output_text`; `undefined` before any snapshot arrived. */
  result(): Response | undefined {
    const snapshot = this.#snapshot;
    const built = this.#items.filter((item) => item !== undefined);
    if (!snapshot && built.length === 0) return undefined;
    const output =
      Array.isArray(snapshot?.output) && snapshot.output.length > 0 ? snapshot.output : built;
    return withOutputText({ ...snapshot, output } as unknown as Response);
  }

  #lastIndex(): number {
    return Math.max(0, this.#items.length - 1);
  }

  #content(index: number): Part[] {
    this.#items[index] ??= {
      type: 'message',
      role: 'assistant',
      status: 'in_progress',
      content: [],
    };
    const item = this.#items[index];
    if (!Array.isArray(item.content)) item.content = [];
    return item.content as Part[];
  }

  #part(index: number, contentIndex: number): Part & { text: string } {
    const content = this.#content(index);
    content[contentIndex] ??= { type: 'output_text', text: '', annotations: [] };
    const part = content[contentIndex];
    if (typeof part.text !== 'string') part.text = '';
    return part as Part & { text: string };
  }
}
