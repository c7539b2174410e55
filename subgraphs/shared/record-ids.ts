import { randomUUID } from 'node:crypto';

/**
 * Where a new record's id comes from. A request draws random UUIDs; the demo seed plans the fixed ids
 * its stories are told with (the README's examples name them), so the seed writes through the same
 * services as any caller without the services taking a seed-only parameter.
 */
export interface RecordIds {
  /** The id of the next record of this kind (`case`, `detection`, `vessel`, …) the request creates. */
  next(kind: string): string;
}

export const randomRecordIds: RecordIds = { next: () => randomUUID() };

/** The seed's ids: `plan({ case: id })` before a write, and that write's `next('case')` returns it. */
export class PlannedRecordIds implements RecordIds {
  private readonly planned = new Map<string, string>();

  plan(ids: Readonly<Record<string, string | undefined>>): void {
    for (const [kind, id] of Object.entries(ids)) if (id) this.planned.set(kind, id);
  }

  next(kind: string): string {
    const id = this.planned.get(kind);
    if (id === undefined) return randomUUID();
    this.planned.delete(kind);
    return id;
  }
}
