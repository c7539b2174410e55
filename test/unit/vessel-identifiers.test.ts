import { imoDigits, imoProblem, mmsiProblem } from '../../subgraphs/police/vessel/vessel-identifiers.js';

describe('IMO numbers', () => {
  it.each(['9074729', 'IMO 9074729', 'imo9074729', '9176187', '9321483', '8814275'])('accepts %s', (value) => {
    expect(imoProblem(value)).toBeNull();
  });

  it('computes the check digit from the first six digits weighted 7 to 2', () => {
    // 9·7 + 0·6 + 7·5 + 4·4 + 7·3 + 2·2 = 139: the check digit is 9.
    expect(imoProblem('9074729')).toBeNull();
    for (const digit of [0, 1, 2, 3, 4, 5, 6, 7, 8]) expect(imoProblem(`907472${digit}`)).toBe('INVALID_IMO_CHECK_DIGIT');
  });

  it.each(['907472', '90747290', 'IMO-9074729', '907472A', '', 'IMO'])('refuses the form of %p', (value) => {
    expect(imoProblem(value)).toBe('INVALID_IMO_FORMAT');
  });

  it('keeps the digits', () => {
    expect(imoDigits(' IMO 9074729 ')).toBe('9074729');
    expect(imoDigits('9074729')).toBe('9074729');
  });
});

describe('MMSI', () => {
  it.each(['327004512', '211234567', '775000001'])('accepts the ship station %s', (value) => {
    expect(mmsiProblem(value)).toBeNull();
  });

  it.each(['027004512', '127004512', '827004512', '970123456'])('refuses %s: not a ship station', (value) => {
    expect(mmsiProblem(value)).toBe('MMSI_NOT_A_SHIP_STATION');
  });

  it.each(['32700451', '3270045120', '32700451A', ''])('refuses the form of %p', (value) => {
    expect(mmsiProblem(value)).toBe('INVALID_MMSI_FORMAT');
  });
});
