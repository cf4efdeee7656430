/**
 * A small simulation of OpenAI's Conversations API on msw, for the tests where the client's
 * methods and the conversation helper meet: conversations kept in memory with their items
 * (`POST /conversations`, `GET|DELETE /conversations/{id}`, `GET /conversations/{id}/items`),
 * and `POST /responses` that, given `conversation`, reads its items as the context and appends
 * the turn's input and the model's answer to them. The answer says how many items it saw.
 */
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';
import { baseURL } from '../helpers/msw.js';

type Item = { id: string; [key: string]: unknown };

/**
 * Serves the Conversations API and conversation-aware responses; returns the conversations kept
 * and the bodies of the `POST /responses` requests received.
 */
export function serveConversations(server: SetupServer): {
  conversations: Map<string, Item[]>;
  created: unknown[];
} {
  const conversations = new Map<string, Item[]>();
  const created: unknown[] = [];
  let next = 0;
  // As OpenAI stores them: every item with an id, a message's text as an input_text part.
  const stored = ({ content, ...item }: { content?: unknown }): Item => ({
    type: 'message',
    status: 'completed',
    ...item,
    ...(content === undefined
      ? {}
      : {
          content: typeof content === 'string' ? [{ type: 'input_text', text: content }] : content,
        }),
    id: `item_${++next}`,
  });
  const missing = () =>
    HttpResponse.json(
      { error: { message: 'Conversation not found', type: 'invalid_request_error' } },
      { status: 404 },
    );
  server.use(
    http.post(`${baseURL}/conversations`, async ({ request }) => {
      const body = (await request.json()) as { items?: { content?: unknown }[]; metadata?: object };
      const id = `conv_${++next}`;
      conversations.set(id, (body.items ?? []).map(stored));
      return HttpResponse.json({
        id,
        object: 'conversation',
        created_at: 1_741_900_000,
        metadata: body.metadata ?? {},
      });
    }),
    http.delete(`${baseURL}/conversations/:id`, ({ params }) => {
      const id = String(params.id);
      if (!conversations.delete(id)) return missing();
      return HttpResponse.json({ id, object: 'conversation.deleted', deleted: true });
    }),
    http.get(`${baseURL}/conversations/:id/items`, ({ params, request }) => {
      const items = conversations.get(String(params.id));
      if (!items) return missing();
      const query = new URL(request.url).searchParams;
      const ordered = query.get('order') === 'asc' ? items : [...items].reverse();
      const after = query.get('after');
      const start = after ? ordered.findIndex((item) => item.id === after) + 1 : 0;
      const data = ordered.slice(start, start + Number(query.get('limit') ?? 20));
      return HttpResponse.json({
        object: 'list',
        data,
        first_id: data[0]?.id ?? null,
        last_id: data.at(-1)?.id ?? null,
        has_more: start + data.length < ordered.length,
      });
    }),
    http.post(`${baseURL}/responses`, async ({ request }) => {
      const body = (await request.json()) as {
        conversation?: string;
        input: { content?: unknown }[];
      };
      created.push(body);
      const items = body.conversation ? conversations.get(body.conversation) : [];
      if (!items) return missing();
      const seen = items.length + body.input.length;
      const answer = {
        type: 'message',
        role: 'assistant',
        content: [{ type: 'output_text', text: `saw ${seen} items`, annotations: [] }],
      };
      const added = [...body.input.map(stored), stored(answer)];
      items.push(...added);
      return HttpResponse.json({
        id: `resp_${++next}`,
        object: 'response',
        status: 'completed',
        model: 'gpt-test',
        conversation: body.conversation ? { id: body.conversation } : null,
        output: [added.at(-1)],
      });
    }),
  );
  return { conversations, created };
}
