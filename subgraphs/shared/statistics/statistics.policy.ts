import type { Agency } from '../../../platform/auth.js';
import type { FieldRule } from '../policy.js';

/**
 * Who reads the k-anonymous statistics of every subgraph: everyone who works with the data, never
 * auditors (they read the logs only). Statistics narrower than this say so in their own rule.
 */
export const STATISTICS_READERS: readonly Agency[] = ['POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER'];

/** The rule of a statistic open to every statistics reader: unlogged, as it reads no record one by one. */
export function statisticsRule(fields: readonly string[], rule: string): FieldRule {
  return { fields, agencies: STATISTICS_READERS, logged: false, rule };
}
