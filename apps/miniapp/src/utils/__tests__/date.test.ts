import { formatDate } from '../date';

describe('formatDate', () => {
  it('shows dates in China time', () => {
    expect(formatDate('2025-03-06T16:30:00.000Z')).toBe('2025-03-07');
    expect(formatDate('2025-03-06T15:59:59.000Z')).toBe('2025-03-06');
    expect(formatDate('not a date')).toBe('');
  });
});
