import { groupLoader, rowLoader } from '../../subgraphs/shared/loaders.js';

describe('DataLoader helpers', () => {
  it('rowLoader fetches a whole batch in one call and answers null for missing keys', async () => {
    const calls: string[][] = [];
    const loader = rowLoader(
      async (keys) => {
        calls.push([...keys]);
        return keys.filter((key) => key !== 'ghost').map((key) => ({ id: key, name: key.toUpperCase() }));
      },
      (row) => row.id,
    );
    const results = await Promise.all(['a', 'ghost', 'b', 'a'].map((key) => loader.load(key)));
    expect(calls).toEqual([['a', 'ghost', 'b']]);
    expect(results).toEqual([{ id: 'a', name: 'A' }, null, { id: 'b', name: 'B' }, { id: 'a', name: 'A' }]);
  });

  it('groupLoader keeps each group in fetch order and gives an empty list to keys without rows', async () => {
    let calls = 0;
    const loader = groupLoader(
      async () => {
        calls += 1;
        return [
          { caseId: 'c1', n: 1 },
          { caseId: 'c2', n: 2 },
          { caseId: 'c1', n: 3 },
        ];
      },
      (row) => row.caseId,
    );
    const [first, second, none] = await Promise.all([loader.load('c1'), loader.load('c2'), loader.load('c3')]);
    expect(calls).toBe(1);
    expect(first.map((row) => row.n)).toEqual([1, 3]);
    expect(second.map((row) => row.n)).toEqual([2]);
    expect(none).toEqual([]);
  });
});
