/**
 * `responses-client/testing`: a fake Responses server that runs in-process as a `fetch`
 * function, scripted turn by turn (text, function calls, refusals, reasoning, JSON, HTTP errors,
 * failures midway, drops, stalls and replies cut short) in the wire format of any built-in
 * dialect, chat completions, models and the state its server keeps (stored responses,
 * conversations and their items, stored chat completions) included, so that an application's
 * code is tested with no network. `createRecorder` records an app's real traffic as a cassette,
 * which the fake server replays. `responses-client/testing/msw` serves it to an app's msw setup.
 */
export type {
  Cassette,
  CassetteChunk,
  CassetteError,
  CassetteExchange,
  CassetteFetchError,
  CassetteRequest,
  CassetteResponse,
} from './cassette.js';
export { createFakeServer } from './fake-server.js';
export type { FakeServer, FakeServerOptions } from './fake-server-options.js';
export type {
  FakeWebSocket,
  FakeWebSocketConstructor,
  FakeWebSocketInit,
} from './fake-websocket.js';
export { splitWords } from './plan.js';
export type { FakeEndpoint, RecordedRequest } from './recorded-request.js';
export {
  createRecorder,
  type FetchFunction,
  type Recorder,
  type RecorderOptions,
} from './recorder.js';
export type {
  Chunked,
  DropTurn,
  ErrorTurn,
  FunctionCall,
  FunctionCallTurn,
  FunctionCallTurnBase,
  IncompleteTurn,
  JsonTurn,
  OneCallTurn,
  Paced,
  ParallelCallsTurn,
  RefusalTurn,
  ReplyTurn,
  ScriptedTurn,
  StallTurn,
  StreamErrorTurn,
  TextTurn,
  Turn,
  TurnFunction,
  WithReasoning,
} from './turns.js';
