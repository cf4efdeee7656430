// The smoke suite in a runtime that runs a file (Node, Bun), the package loaded with `require`.
// The loopback server of the WebSocket check is the first argument; its WebSocket is the
// runtime's own, or the `ws` package's where there is none (Node 20). Prints its report on one
// line for test/runtime/matrix.mjs.
const lib = {
  ...require('responses-client'),
  ...require('responses-client/testing'),
  schemas: require('responses-client/schemas'),
  zod: require('zod'),
  zodMini: require('zod/mini'),
};
const baseURL = process.argv[2];
const WebSocket = globalThis.WebSocket ? undefined : require('ws').WebSocket;
const webSocket = baseURL ? { baseURL, apiKey: 'sk-smoke', WebSocket } : undefined;

import('./suite.mjs')
  .then(({ runSmokeSuite }) => runSmokeSuite(lib, { webSocket }))
  .then((report) => console.log(`SMOKE ${JSON.stringify(report)}`));
