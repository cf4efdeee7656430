// The smoke suite in workerd: a worker module (bundled with the package by esbuild, under the
// `workerd`/`worker`/`browser` conditions) that runs it per request and answers its report. The
// loopback server of the WebSocket check is the request's `ws` query parameter; workerd's own
// WebSocket cannot send the key, so the check opens its socket with fetch (FetchUpgradeWebSocket).
import { FetchUpgradeWebSocket } from './fetch-upgrade-websocket.mjs';
import { lib } from './lib.mjs';
import { runSmokeSuite } from './suite.mjs';

export default {
  async fetch(request) {
    const baseURL = new URL(request.url).searchParams.get('ws');
    const webSocket = baseURL
      ? { baseURL, apiKey: 'sk-smoke', WebSocket: FetchUpgradeWebSocket }
      : undefined;
    return Response.json(await runSmokeSuite(lib, { webSocket }));
  },
};
