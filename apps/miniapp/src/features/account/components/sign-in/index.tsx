import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { LOGIN_PLATFORM } from '../../../../platform/login';
import { isSinglePageMode } from '../../../../platform/scene';
import { sessionService } from '../../../../session/session';
import PhoneForm from '../phone-form';
import './index.scss';

export interface SignInProps {
  /**
   * Resolves true once the user agreed to the privacy policy: the `ensureConsent` of the page's
   * `usePrivacyConsent()`, whose sheet the page renders.
   */
  ensureConsent: () => Promise<boolean>;
}

/**
 * The way to sign in on this platform: H5, the phone form; a mini-program, 一键登录; in WeChat's
 * Moments single-page mode, none (a notice says how to open the mini-program). Used by 我的 and by
 * every page that asks a signed-out person to sign in; the page gives the title and explanation.
 */
export default function SignIn({ ensureConsent }: SignInProps) {
  const [signingIn, setSigningIn] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async (): Promise<void> => {
    setSigningIn(true);
    setError(null);
    const failure = await sessionService.signInWithPlatform();
    setSigningIn(false);
    if (failure) setError(failure.message);
  };

  if (isSinglePageMode()) {
    return <Text className="sign-in__notice">当前为朋友圈预览，点击屏幕下方“前往小程序”后即可登录。</Text>;
  }
  if (LOGIN_PLATFORM === 'H5') {
    return <PhoneForm submitLabel="登录" onSubmit={sessionService.signInWithPhone} ensureConsent={ensureConsent} />;
  }
  if (!LOGIN_PLATFORM) return <Text className="sign-in__notice">当前平台暂不支持登录</Text>;
  return (
    <View className="sign-in">
      <Button
        className="sign-in__primary"
        data-testid="platform-sign-in"
        loading={signingIn || undefined}
        disabled={signingIn || undefined}
        onClick={() => void signIn()}
      >
        一键登录
      </Button>
      {error ? <Text className="sign-in__error">{error}</Text> : null}
    </View>
  );
}
