import { assertId, decodeCursor, encodeCursor, pageSize } from '../../subgraphs/shared/pagination.js';

function codeOf(action: () => unknown): unknown {
  try {
    action();
    return 'no error';
  } catch (error) {
    return (error as { extensions?: { code?: string; reason?: string } }).extensions;
  }
}

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const position = { sortKey: '2026-03-14T06:10:00.000Z', id: 'ca5e0000-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses cursors it did not issue with BAD_USER_INPUT', () => {
    for (const bad of ['', 'xyz', Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(codeOf(() => decodeCursor(bad))).toEqual({ code: 'BAD_USER_INPUT', field: 'after', reason: 'INVALID_CURSOR' });
    }
  });

  it('bounds the page size to 1..100 with a default of 20', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(codeOf(() => pageSize(101))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(codeOf(() => pageSize(0))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('accepts only UUID ids', () => {
    expect(assertId('CA5E0000-0000-4000-8000-000000000001')).toBe('ca5e0000-0000-4000-8000-000000000001');
    expect(codeOf(() => assertId("1' OR '1'='1"))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
  });
});
