/**
 * Waits until `condition` holds, checking every `interval` ms; throws, naming `what`, when it still
 * does not after `timeout` ms. Tests wait on what they need (a lock waited on, a span received),
 * never a fixed time, so they neither flake on a busy machine nor sleep on an idle one.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { what: string; timeout?: number; interval?: number },
): Promise<void> {
  const { what, timeout = 20_000, interval = 20 } = options;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Sessions of this database (other than the asking one) waiting on a lock: how a test holding a
 * table lock knows its requests have reached the database.
 */
export async function sessionsWaitingOnLocks(dataSource: { query(sql: string): Promise<Array<{ waiting: number }>> }): Promise<number> {
  const [{ waiting }] = await dataSource.query(
    "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
  );
  return waiting;
}
