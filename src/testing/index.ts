/**
 * `responses-client/testing`: a fake Responses server that runs in-process as a `fetch`
 * function, scripted turn by turn, so that an application's code can be tested with no network.
 */
export {
  createFakeServer,
  type FakeServer,
  type FakeServerOptions,
  type RecordedRequest,
} from './fake-server.js';
export { type ErrorTurn, splitWords, type TextTurn, type Turn } from './turns.js';
