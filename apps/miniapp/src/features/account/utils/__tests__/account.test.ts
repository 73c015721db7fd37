import { shortAccountId } from '../account';

describe('account display', () => {
  it('shortens account ids', () => {
    expect(shortAccountId('3f2a9c1e-77b0-4d7e-9a43-1c2b3d4e5f60')).toBe('3f2a9c1e…');
    expect(shortAccountId('abc')).toBe('abc');
  });
});
