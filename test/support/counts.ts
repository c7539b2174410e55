import type { TestStack } from './stack.js';

/**
 * Row counts of every table in the three subgraph databases (except the access log, which grows
 * with reads): a failed mutation must leave them all as they were.
 */
export async function rowCounts(tidelink: TestStack): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, subgraph] of Object.entries(tidelink.stack.subgraphs)) {
    const tables: Array<{ tablename: string }> = await subgraph.database.dataSource.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('access_log', 'migrations') ORDER BY tablename",
    );
    for (const { tablename } of tables) {
      const [{ count }] = await subgraph.database.dataSource.query(`SELECT count(*)::int AS count FROM "${tablename}"`);
      counts[`${name}.${tablename}`] = count;
    }
  }
  return counts;
}
