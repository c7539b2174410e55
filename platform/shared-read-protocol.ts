/**
 * Reads shared by the gateway's in-flight deduplication are logged for every caller: a subgraph
 * answer that logged gated reads says how many (`x-tidelink-logged`) and under which call
 * (`x-tidelink-call`); the gateway, before it hands that answer to a request that joined the call,
 * asks the subgraph (signed) to copy the call's rows under each joiner's request id.
 */
/** Also imported by the gateway, so nothing here pulls in the subgraph's database code. */
export const SHARED_READ_PATH = '/access-log/shared-read';
export const LOGGED_HEADER = 'x-tidelink-logged';
export const CALL_HEADER = 'x-tidelink-call';
