/** Joins the text of every `output_text` part of every message item, as `response.output_text`. */
export function outputText(output: readonly unknown[]): string {
  let text = '';
  for (const item of output) {
    // `?? {}`: a null item (a server's, unchecked when validation is off) has no text, and no fields.
    const { type, content } = (item ?? {}) as { type?: unknown; content?: unknown };
    if (type !== 'message' || !Array.isArray(content)) continue;
    for (const part of content as { type?: unknown; text?: unknown }[]) {
      if (part?.type === 'output_text' && typeof part.text === 'string') text += part.text;
    }
  }
  return text;
}

/** Adds the computed `output_text` to a response object (non-enumerable-safe: a plain own field). */
export function withOutputText<T extends { output: readonly unknown[] }>(
  response: T,
): T & { output_text: string } {
  return Object.assign(response, { output_text: outputText(response.output) });
}
