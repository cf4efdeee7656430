/**
 * `responses-client/testing`: a fake Responses server that runs in-process as a `fetch`
 * function, scripted turn by turn (text, function calls, refusals, reasoning, JSON, HTTP errors,
 * failures midway, drops and stalls) in the wire format of any built-in dialect, so that an
 * application's code is tested with no network.
 */
export {
  createFakeServer,
  type FakeServer,
  type FakeServerOptions,
} from './fake-server.js';
export { splitWords } from './plan.js';
export type { FakeEndpoint, RecordedRequest } from './recorded-request.js';
export type {
  Chunked,
  DropTurn,
  ErrorTurn,
  FunctionCall,
  FunctionCallTurn,
  FunctionCallTurnBase,
  JsonTurn,
  Paced,
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
