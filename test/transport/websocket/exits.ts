/**
 * A script the handle tests run in a child process: one request over the WebSocket transport
 * to the server at argv[2], then, as argv[3] says, `client.close()` or nothing. It must exit on
 * its own: no socket, timer or listener of the client may keep it alive.
 *   node --import tsx exits.ts <baseURL> close|idle|conversation [ws|undici]
 */
import { WebSocket as Undici } from 'undici';
import { WebSocket as Ws } from 'ws';
import { ResponsesClient } from '../../../src/index.js';

const [baseURL, mode, implementation = 'ws'] = process.argv.slice(2);
const client = new ResponsesClient({
  baseURL,
  apiKey: 'sk-test',
  transport: 'websocket',
  WebSocket: implementation === 'undici' ? (Undici as never) : Ws,
});
if (mode === 'conversation') {
  const chat = client.conversation({ model: 'm' });
  await chat.send('one');
  await chat.send('two');
} else {
  const stream = await client.responses.create({ model: 'm', input: 'hi', stream: true });
  for await (const _ of stream);
}
if (mode === 'close') await client.close();
console.log('done');
