/** A unit cell of a statistics grid: its coordinates (month, country, dimension values) and its people. */
export interface UnitCell {
  coordinates: readonly (string | null)[];
  people: number;
}

/**
 * Which unit cells to withhold. Primary suppression: every cell of fewer than k people. Then, for
 * every line of the grid obtained by freeing one or more of `freeAxes` (a line adds up to a coarser
 * cell, which another grouping may publish), when the withheld cells of the line hold between 1 and
 * k−1 people in all, the line's smallest published cell is withheld too; repeated until stable. So a
 * coarser cell minus the published cells under it is 0 or at least k people. Freeing one axis at a
 * time is not enough: a line withheld whole (all its cells small) leaves its small sum exposed in the
 * plane around it (the unit test's random grids found it).
 */
export function suppressCells(cells: readonly UnitCell[], k: number, freeAxes: readonly number[]): boolean[] {
  const suppressed = cells.map((cell) => cell.people < k);
  const order = cells.map((cell, index) => ({ index, key: JSON.stringify(cell.coordinates) }));
  let changed = true;
  while (changed) {
    changed = false;
    for (const freed of subsets(freeAxes)) {
      const lines = new Map<string, number[]>();
      for (const { index } of order) {
        const rest = cells[index].coordinates.filter((_, position) => !freed.includes(position));
        const key = JSON.stringify(rest);
        const line = lines.get(key);
        if (line) line.push(index);
        else lines.set(key, [index]);
      }
      for (const line of lines.values()) {
        const withheld = line.filter((index) => suppressed[index]).reduce((sum, index) => sum + cells[index].people, 0);
        if (withheld === 0 || withheld >= k) continue;
        const next = line
          .filter((index) => !suppressed[index])
          .sort((a, b) => cells[a].people - cells[b].people || (order[a].key < order[b].key ? -1 : 1))[0];
        if (next === undefined) continue; // the whole line is withheld: its coarser cell has fewer than k and is withheld too
        suppressed[next] = true;
        changed = true;
      }
    }
  }
  return suppressed;
}

/** Every non-empty subset of the axes (at most 2^5 − 1 for the widest grouping). */
function subsets(axes: readonly number[]): number[][] {
  return axes.reduce<number[][]>((found, axis) => [...found, ...found.map((subset) => [...subset, axis]), [axis]], []);
}

/**
 * Counts of a small group the reader may not see one by one (the migrants of one case whose field
 * is withheld): each count of fewer than k is withheld, and when the withheld counts of the group
 * add up to between 1 and k−1 (the reader may know the group's size), the smallest published one
 * is withheld too, so that the group's size minus the published counts reveals no one. The group's
 * size is one more "line" member: `rest` is the people in none of the counted categories.
 */
export function suppressCounts<Name extends string>(counts: Record<Name, number>, rest: number, k: number): Record<Name, number | null> {
  const names = Object.keys(counts) as Name[];
  const cells: UnitCell[] = [
    ...names.map((name) => ({ coordinates: [name], people: counts[name] })),
    { coordinates: [null], people: rest },
  ];
  const suppressed = suppressCells(cells, k, [0]);
  return Object.fromEntries(names.map((name, index) => [name, suppressed[index] ? null : counts[name]])) as Record<Name, number | null>;
}
