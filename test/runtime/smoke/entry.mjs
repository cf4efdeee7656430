// The smoke suite in a runtime that runs a file (Node, Bun, Deno), the package loaded with
// `import`. The loopback server of the WebSocket check is the first argument; its WebSocket is
// the runtime's own, or the `ws` package's where there is none (Node 20). Prints its report on
// one line for test/runtime/matrix.mjs.
import { lib } from './lib.mjs';
import { runSmokeSuite } from './suite.mjs';

const baseURL = globalThis.Deno ? globalThis.Deno.args[0] : globalThis.process.argv[2];
const WebSocket = globalThis.WebSocket ? undefined : (await import('ws')).WebSocket;
const webSocket = baseURL ? { baseURL, apiKey: 'sk-smoke', WebSocket } : undefined;
console.log(`SMOKE ${JSON.stringify(await runSmokeSuite(lib, { webSocket }))}`);
