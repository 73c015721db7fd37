import { apiBaseOf, codeImagePlatform, codeImageUrl } from '../code-image';

describe('code image URL', () => {
  it('is relative on H5 and beside the GraphQL endpoint on the mini-programs', () => {
    expect(codeImageUrl('/graphql', 'inv 1', 'H5')).toBe('/invites/inv%201/code.png?platform=H5');
    expect(codeImageUrl('https://api.example.com/graphql', 'i1', 'WECHAT')).toBe(
      'https://api.example.com/invites/i1/code.png?platform=WECHAT',
    );
    expect(apiBaseOf('https://api.example.com/bff/graphql/')).toBe('https://api.example.com/bff');
  });

  it('asks for the code of the platform it runs on', () => {
    expect(codeImagePlatform('weapp')).toBe('WECHAT');
    expect(codeImagePlatform('alipay')).toBe('ALIPAY');
    expect(codeImagePlatform('h5')).toBe('H5');
  });
});
