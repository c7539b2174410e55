import { assertId, decodeCursor, encodeCursor, pageSize } from '../../subgraphs/shared/pagination.js';

function codeOf(action: () => unknown): unknown {
  try {
    action();
    return 'no error';
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
}

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const position = { sortKey: '2026-03-14T06:10:00.000Z', id: 'ca5e0000-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses cursors it did not issue with BAD_USER_INPUT', () => {
    for (const bad of ['', 'xyz', Buffer.from('["not a date","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(codeOf(() => decodeCursor(bad))).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'after', reasons: ['INVALID_CURSOR'] }],
      });
    }
  });

  it('bounds the page size to 1..100 with a default of 20', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(codeOf(() => pageSize(101))).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'first', reasons: ['OUT_OF_RANGE'] }] });
    expect(codeOf(() => pageSize(0))).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'first', reasons: ['OUT_OF_RANGE'] }] });
  });

  it('accepts only UUID ids', () => {
    expect(assertId('CA5E0000-0000-4000-8000-000000000001')).toBe('ca5e0000-0000-4000-8000-000000000001');
    expect(codeOf(() => assertId("1' OR '1'='1"))).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'id', reasons: ['INVALID_ID'] }] });
  });
});
