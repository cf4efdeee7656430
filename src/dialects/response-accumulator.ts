import { asIndex, isObject } from '../json.js';
import { withOutputText } from '../stream/output-text.js';
import { TextBuilder } from '../stream/text-builder.js';
import type { Response, ResponseStreamEvent } from '../types/index.js';

type Json = Record<string, unknown>;

/**
 * How each `*.delta` / `*.done` pair streams a string: the field it fills (the `.done` event
 * carries the whole value under the same name), where that field lives (`item` itself, a
 * `content` part or a `summary` part), the part's type and the item's type, for when the server
 * skipped the `*.added` event that would have created them.
 */
const textRules: Readonly<
  Record<string, readonly [field: string, on: string, part: string, item: string]>
> = {
  'response.output_text': ['text', 'content', 'output_text', 'message'],
  'response.refusal': ['refusal', 'content', 'refusal', 'message'],
  'response.reasoning_text': ['text', 'content', 'reasoning_text', 'reasoning'],
  'response.reasoning': ['text', 'content', 'reasoning_text', 'reasoning'],
  'response.reasoning_summary_text': ['text', 'summary', 'summary_text', 'reasoning'],
  'response.function_call_arguments': ['arguments', 'item', '', 'function_call'],
  'response.mcp_call_arguments': ['arguments', 'item', '', 'mcp_call'],
  'response.custom_tool_call_input': ['input', 'item', '', 'custom_tool_call'],
  'response.code_interpreter_call_code': ['code', 'item', '', 'code_interpreter_call'],
};

/** Every text event type, with its rule and phase: one lookup an event. */
const textEvents = new Map(
  Object.entries(textRules).flatMap(([stem, rule]) => [
    [`${stem}.delta`, { rule, delta: true }],
    [`${stem}.done`, { rule, delta: false }],
  ]),
);

/** A usable array index from server JSON ({@link asIndex}), else `fallback`. */
const indexOf = (value: unknown, fallback: number): number => asIndex(value) ?? fallback;

/**
 * A copy of server JSON that the accumulator may write into without touching the events the
 * user was given (an item's `content`, a part's `annotations`). Structured cloning defines
 * properties (it never calls a `__proto__` setter), and every later write uses a fixed field
 * name, so no key can reach a prototype. Items and parts are few: deltas are never cloned.
 */
const copy = (value: Json): Json => structuredClone(value);

/** The item a delta creates when its `response.output_item.added` never came. */
const blankItem = (type: string): Json =>
  type === 'message' ? { type, role: 'assistant', status: 'in_progress', content: [] } : { type };

/**
 * Rebuilds the response from its events: the latest response snapshot, plus the output items,
 * content parts, text, refusals, tool-call arguments and reasoning, keyed by `output_index` and
 * `content_index` / `summary_index` (the only ids every server keeps stable: the Copilot capture
 * rotates `item_id` on every event). A missing `*.added` event is tolerated. The terminal
 * event's own `output` wins where it has one.
 */
export class ResponseAccumulator {
  #snapshot: Json | undefined;
  readonly #items: Json[] = [];
  /** Text still streaming, by the object and field it belongs to; written back on read. */
  readonly #texts = new Map<Json, { field: string; builder: TextBuilder }>();
  #lastTarget: Json | undefined;
  #lastBuilder: TextBuilder | undefined;

  /** Folds one event into the response being rebuilt. */
  add(event: ResponseStreamEvent): void {
    const e = event as Json;
    const type = e.type as string;
    const text = textEvents.get(type);
    if (text) {
      this.#text(e, text.rule, text.delta);
      return;
    }
    if (isObject(e.response)) {
      this.#snapshot = e.response;
      return;
    }
    const index = indexOf(e.output_index, this.#items.length);
    if (type === 'response.output_item.added' || type === 'response.output_item.done') {
      if (isObject(e.item)) this.#items[index] = copy(e.item);
    } else if (type === 'response.content_part.added' || type === 'response.content_part.done') {
      if (isObject(e.part))
        this.#list(this.#item(index, 'message'), 'content')[indexOf(e.content_index, 0)] = copy(
          e.part,
        );
    } else if (
      type === 'response.reasoning_summary_part.added' ||
      type === 'response.reasoning_summary_part.done'
    ) {
      if (isObject(e.part))
        this.#list(this.#item(index, 'reasoning'), 'summary')[indexOf(e.summary_index, 0)] = copy(
          e.part,
        );
    } else if (type === 'response.output_text.annotation.added' && isObject(e.annotation)) {
      const part = this.#part(
        this.#item(index, 'message'),
        'content',
        indexOf(e.content_index, 0),
        'output_text',
        'text',
      );
      const annotations = this.#list(part, 'annotations');
      annotations[indexOf(e.annotation_index, annotations.length)] = copy(e.annotation);
    }
  }

  /** The response as rebuilt so far, with `output_text`; `undefined` before anything arrived. */
  result(): Response | undefined {
    const snapshot = this.#snapshot;
    const built = this.builtOutput();
    if (!snapshot && built.length === 0) return undefined;
    const output =
      Array.isArray(snapshot?.output) && snapshot.output.length > 0 ? snapshot.output : built;
    return withOutputText({ ...snapshot, output } as unknown as Response);
  }

  /** The output items built from the events alone, as plain objects. */
  builtOutput(): Json[] {
    this.#flush();
    return this.#items.filter((item) => item !== undefined).map((item) => ({ ...item }));
  }

  /** The item built at `index` so far, as a plain object; `undefined` when there is none. */
  builtItem(index: number): Json | undefined {
    this.#flush();
    const item = this.#items[index];
    return item && { ...item };
  }

  /** How many output items there are so far: one past the highest `output_index`. */
  get size(): number {
    return this.#items.length;
  }

  /** Writes the text still streaming into the objects it belongs to. */
  #flush(): void {
    for (const [target, { field, builder }] of this.#texts) target[field] = builder.toString();
  }

  #text(
    e: Json,
    [field, on, partType, itemType]: readonly [string, string, string, string],
    delta: boolean,
  ): void {
    const item = this.#item(indexOf(e.output_index, Math.max(0, this.#items.length - 1)), itemType);
    const target =
      on === 'item'
        ? item
        : this.#part(
            item,
            on,
            indexOf(on === 'summary' ? e.summary_index : e.content_index, 0),
            partType,
            field,
          );
    const value = e[delta ? 'delta' : field];
    if (typeof value !== 'string') return;
    if (delta) {
      this.#builder(target, field).add(value);
    } else {
      this.#texts.delete(target);
      if (this.#lastTarget === target) this.#lastTarget = undefined;
      target[field] = value;
    }
  }

  /** The builder of a target's streaming field; deltas mostly go to the same one in a row. */
  #builder(target: Json, field: string): TextBuilder {
    if (this.#lastTarget === target && this.#lastBuilder) return this.#lastBuilder;
    let entry = this.#texts.get(target);
    if (!entry) {
      const current = target[field];
      entry = { field, builder: new TextBuilder(typeof current === 'string' ? current : '') };
      this.#texts.set(target, entry);
    }
    this.#lastTarget = target;
    this.#lastBuilder = entry.builder;
    return entry.builder;
  }

  #item(index: number, type: string): Json {
    this.#items[index] ??= blankItem(type);
    return this.#items[index];
  }

  #list(owner: Json, field: string): unknown[] {
    if (!Array.isArray(owner[field])) owner[field] = [];
    return owner[field] as unknown[];
  }

  #part(item: Json, on: string, index: number, type: string, field: string): Json {
    const list = this.#list(item, on);
    const part = list[index];
    if (isObject(part)) return part;
    const blank: Json =
      type === 'output_text' ? { type, text: '', annotations: [] } : { type, [field]: '' };
    list[index] = blank;
    return blank;
  }
}
