// Request size limits shared by next.config.js (through its import) and proxy.ts.

/** Server action bodies (Next's own `serverActions.bodySizeLimit`): forms and small JSON arguments. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;
