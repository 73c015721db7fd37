import { maskIdNumber, maskIdentifier, maskName, maskPhone, personLabel } from './masking.js';

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

  it('labels a person by their masked name, else their masked platform identity', () => {
    expect(personLabel({ nameMasked: '王*', identityMasked: 'o6_b****fL2M', platform: 'WECHAT' })).toBe('王*');
    expect(personLabel({ nameMasked: null, identityMasked: 'o6_b****fL2M', platform: 'WECHAT' })).toBe(
      '微信用户 o6_b****fL2M',
    );
    expect(personLabel({ nameMasked: null, identityMasked: '2088****1234', platform: 'ALIPAY' })).toBe(
      '支付宝用户 2088****1234',
    );
    expect(personLabel({ nameMasked: null, identityMasked: '138****5678', platform: 'H5' })).toBe('138****5678');
    expect(personLabel({ nameMasked: null, identityMasked: null, platform: null })).toBe('用户');
  });
});
