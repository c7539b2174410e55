import { agencies } from '../shared/access.js';

/**
 * Who may see what, for the data prosecutor support owns (design, "Who may see what"). The one
 * place this subgraph decides. AUDITOR reads access logs only.
 */
export const prosecutionPolicy = {
  /** Prosecutions, defendants, charges and verdicts, case law: public record. */
  publicRecord: agencies('POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER'),
  /** Every prosecution write: proceedings, defendants, charges, verdicts, witnesses, MLA. Prosecutors only. */
  write: agencies('PROSECUTOR'),
  /** Who testifies, and how they are protected. */
  witnesses: agencies('POLICE', 'PROSECUTOR'),
  /** The case file's witnesses, filtered by testimony consent: prosecutors, who call them. */
  testifyingWitnesses: agencies('PROSECUTOR'),
  /** Mutual legal assistance: evidence may serve only the stated purpose (UNTOC Art. 18). ANALYST: counts only. */
  mlaRequests: agencies('PROSECUTOR'),
};
