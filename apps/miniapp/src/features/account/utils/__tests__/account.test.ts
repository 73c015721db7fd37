import { formatDate, shortAccountId } from '../account';

describe('account display', () => {
  it('shortens account ids', () => {
    expect(shortAccountId('3f2a9c1e-77b0-4d7e-9a43-1c2b3d4e5f60')).toBe('3f2a9c1e…');
    expect(shortAccountId('abc')).toBe('abc');
  });

  it('shows dates in China time', () => {
    expect(formatDate('2025-03-06T16:30:00.000Z')).toBe('2025-03-07');
    expect(formatDate('2025-03-06T15:59:59.000Z')).toBe('2025-03-06');
    expect(formatDate('not a date')).toBe('');
  });
});
