import { routeParam } from '../route-param';

describe('routeParam', () => {
  it('passes plain values through and treats a missing one as empty', () => {
    expect(routeParam('3f2a9c1e-77b0')).toBe('3f2a9c1e-77b0');
    expect(routeParam(undefined)).toBe('');
    expect(routeParam('')).toBe('');
  });

  it('decodes a value the platform left encoded, and keeps one that is not valid encoding', () => {
    expect(routeParam('a%2Fb')).toBe('a/b');
    expect(routeParam('100%ZZ')).toBe('100%ZZ');
    expect(routeParam('%E0%A4%A')).toBe('%E0%A4%A');
  });
});
