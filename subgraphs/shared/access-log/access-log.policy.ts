import type { PolicyTable } from '../policy.js';

/** The access logs, kept by every subgraph for its own data: the one thing auditors read, and only they. */
export const accessLogPolicy = {
  accessLog: {
    fields: ['Query.policeAccessLog', 'Query.assistanceAccessLog', 'Query.prosecutionAccessLog', 'AccessLogEntry.*'],
    agencies: ['AUDITOR'],
    logged: false,
    rule: "Every subgraph's access log (gated reads and writes): data-protection auditors only",
  },
} satisfies PolicyTable;
