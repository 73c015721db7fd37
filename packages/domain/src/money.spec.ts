import { formatYuan, yuanToFen } from './money.js';

describe('yuanToFen', () => {
  it.each([
    ['128.50', 12850],
    ['128.5', 12850],
    ['0', 0],
    ['0.01', 1],
    [99, 9900],
    [45.5, 4550],
    ['  7.00 ', 700],
  ])('reads %p as %p fen', (input, fen) => {
    expect(yuanToFen(input)).toBe(fen);
  });

  it.each(['-5', '1.234', 'abc', '', '1e3', '12,00', String(Number.MAX_SAFE_INTEGER)])('refuses %p', (input) => {
    expect(yuanToFen(input)).toBeNull();
  });
});

describe('formatYuan', () => {
  it.each([
    [12850, '128.5'],
    [10000, '100'],
    [1, '0.01'],
    [0, '0'],
    [4555, '45.55'],
    [5, '0.05'],
    [123456789, '1234567.89'],
    [-150, '-1.5'],
  ])('formats %p fen as %p', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
