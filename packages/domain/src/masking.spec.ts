import { maskIdNumber, maskIdentifier, maskName, maskPhone } from './masking.js';

describe('masking', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+861****5678'],
  ])('masks phone %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['o6_bmjrPTlm6_2sgVt7hMZOPfL2M', 'o6_b****fL2M'],
    ['2088123412341234', '2088****1234'],
    ['ABCDEFGH', 'AB****GH'],
    ['abc', '***'],
    ['', ''],
  ])('masks identifier %s as %s', (value, masked) => {
    expect(maskIdentifier(value)).toBe(masked);
  });

  it('never returns the full value of anything longer than 4 characters', () => {
    for (const value of ['12345', '1234567890', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M']) {
      expect(maskIdentifier(value)).not.toContain(value);
      expect(maskIdentifier(value)).toContain('****');
    }
  });

  it('masks names and ID numbers', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
  });
});
