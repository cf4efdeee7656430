/**
 * The progress of MCP calls and of listing an MCP server's tools (their arguments stream as
 * call arguments: see events-call-arguments).
 */
import { progress } from './event-fields.js';

/** An MCP tool call succeeded (`response.mcp_call.completed`). */
export const ResponseMcpCallCompletedEventSchema = progress('response.mcp_call.completed');

/** An MCP tool call failed (`response.mcp_call.failed`). */
export const ResponseMcpCallFailedEventSchema = progress('response.mcp_call.failed');

/** An MCP tool call began (`response.mcp_call.in_progress`). */
export const ResponseMcpCallInProgressEventSchema = progress('response.mcp_call.in_progress');

/** The tools of an MCP server were listed (`response.mcp_list_tools.completed`). */
export const ResponseMcpListToolsCompletedEventSchema = progress(
  'response.mcp_list_tools.completed',
);

/** Listing the tools of an MCP server failed (`response.mcp_list_tools.failed`). */
export const ResponseMcpListToolsFailedEventSchema = progress('response.mcp_list_tools.failed');

/** The tools of an MCP server are being listed (`response.mcp_list_tools.in_progress`). */
export const ResponseMcpListToolsInProgressEventSchema = progress(
  'response.mcp_list_tools.in_progress',
);
