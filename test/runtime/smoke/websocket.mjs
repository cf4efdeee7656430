// The WebSocket transport in every runtime of the matrix, against the built package. Two checks:
// in memory (the fake server's `WebSocket`: the client's own logic, in every runtime, workerd and
// Chromium included), and over a real socket to the loopback server the matrix starts for each
// runtime (test/runtime/ws-loopback.ts), with the runtime's WebSocket: `globalThis.WebSocket`
// where there is one (Node 22+, Bun, Deno, Chromium), `ws` on Node 20, and in workerd a
// constructor that opens the socket with fetch (fetch-upgrade-websocket.mjs), since workerd's own
// cannot send headers. In each, a 3-turn conversation with a 2-round tool loop must open exactly
// one connection and make no HTTP request; the key must reach the upgrade where one is given.

/** The conversation's tool: adds two numbers. */
const add = (lib) => ({
  description: 'Adds two numbers.',
  parameters: lib.zod.object({ a: lib.zod.number(), b: lib.zod.number() }),
  execute: ({ a, b }) => a + b,
});

export const webSocketChecks = {
  /** The fake server's WebSocket: 9 requests over one in-memory connection, none over HTTP. */
  async 'websocket (in memory)'(lib) {
    const turns = [];
    for (const n of [1, 2, 3])
      turns.push(
        { type: 'function_call', name: 'add', arguments: { a: n, b: 1 } },
        { type: 'function_call', name: 'add', arguments: { a: n, b: 2 } },
        `Turn ${n}.`,
      );
    const server = lib.createFakeServer({ turns });
    let http = 0;
    const client = new lib.ResponsesClient({
      baseURL: server.baseURL,
      transport: 'websocket',
      WebSocket: server.WebSocket,
      fetch: (input, init) => {
        http += 1;
        return server.fetch(input, init);
      },
      maxRetries: 0,
    });
    try {
      const chat = client.conversation({ model: 'm', tools: { add: add(lib) }, store: false });
      for (const n of [1, 2, 3])
        equal((await chat.send(`turn ${n}`)).output_text, `Turn ${n}.`, `turn ${n}`);
      equal(server.requests.length, 9, 'requests');
      equal(server.connections, 1, 'connections');
      equal(http, 0, 'HTTP requests');
      const outputs = server.requests
        .at(-1)
        .context.filter((item) => item.type === 'function_call_output');
      equal(
        outputs.map((item) => item.output).join(','),
        '2,3,3,4,4,5',
        'the tool outputs the model saw',
      );
    } finally {
      await client.close();
    }
  },

  /**
   * A real socket to the loopback server: its last answer says what it saw (the rounds of the
   * last turn, the upgrade's Authorization header, its connections and HTTP requests so far).
   */
  async 'websocket (loopback)'(lib, env) {
    const given = env.webSocket;
    if (!given) throw new Error('this runtime was given no loopback server');
    const client = new lib.ResponsesClient({
      baseURL: given.baseURL,
      ...(given.apiKey ? { apiKey: given.apiKey } : {}),
      ...(given.WebSocket ? { WebSocket: given.WebSocket } : {}),
      transport: 'websocket',
      maxRetries: 0,
    });
    try {
      const chat = client.conversation({ model: 'm', tools: { add: add(lib) }, store: false });
      let last;
      for (const n of [1, 2, 3]) last = await chat.send(`turn ${n}`);
      const auth = given.apiKey ? `Bearer ${given.apiKey}` : 'none';
      equal(last.output_text, `rounds=2 auth=${auth} connections=1 http=0`, 'what the server saw');
      equal(chat.items.length, 3 * 6, 'the items of 3 turns of 2 rounds');
    } finally {
      await client.close();
    }
  },
};

function equal(actual, expected, what) {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
