import type { Dialect, WireObject } from '../dialects/index.js';
import type { ClientConfig, RequestOptions } from '../options.js';
import {
  ChatCompletionChunkSchema,
  ChatCompletionCreateParamsSchema,
  ChatCompletionSchema,
  parseWire,
} from '../schemas/index.js';
import { ChatCompletionStream } from '../stream/chat-stream.js';
import { callJSON, callStream } from '../transport/answer.js';
import { callOptions } from '../transport/call-options.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from '../types/index.js';
import type { WithResponse } from './api-promise.js';
import { asObject } from './call.js';
import { prepare, unsupported } from './prepare.js';

/**
 * Checks and sends a chat completion request; the body of `client.chat.completions.create`,
 * loaded on its first call so that apps that never use chat completions do not bundle it.
 */
export function createChatCompletion(
  config: ClientConfig,
  params: ChatCompletionCreateParams,
  options: RequestOptions | undefined,
): Promise<WithResponse<ChatCompletion | ChatCompletionStream>> {
  return config.dialect
    .load()
    .then((dialect: Dialect): Promise<WithResponse<ChatCompletion | ChatCompletionStream>> => {
      const path = dialect.paths.chatCompletions;
      if (!path) throw unsupported(dialect, 'chat.completions.create');
      const prepared = prepare(
        dialect,
        dialect.chatRequest,
        ChatCompletionCreateParamsSchema,
        params as WireObject,
        'chat completion request',
      );
      const request = {
        method: 'POST',
        path: path(config.context),
        body: prepared.body,
        headers: prepared.headers,
        auth: dialect.authHeaders,
      } as const;
      const validate = config.validation
        ? (chunk: WireObject) =>
            parseWire(
              ChatCompletionChunkSchema,
              chunk,
              'chat completion chunk',
            ) as ChatCompletionChunk
        : undefined;
      if (params.stream) {
        return callStream(
          callOptions(config.transport, options),
          request,
          (init) =>
            new ChatCompletionStream({
              ...init,
              normalize: dialect.normalizeChatChunk,
              ...(validate ? { validate } : {}),
            }),
        );
      }
      return callJSON(callOptions(config.transport, options), request, (json) => {
        const completion = dialect.normalizeChatCompletion(asObject(json, 'chat completion'));
        return (
          config.validation
            ? parseWire(ChatCompletionSchema, completion, 'chat completion')
            : completion
        ) as ChatCompletion;
      });
    });
}
