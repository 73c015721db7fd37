import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { PRIVACY_AGREE_BUTTON_ID, PRIVACY_AGREE_OPEN_TYPE } from '../../platform/privacy';
import './index.scss';

export interface PrivacySheetProps {
  visible: boolean;
  /** Policy version, shown to the user; null when unknown. */
  version: string | null;
  onAgree: () => void;
  onDecline: () => void;
}

/**
 * The consent sheet shown before we collect personal data. On WeChat its agree button has
 * `open-type="agreePrivacyAuthorization"`, so the same tap agrees to WeChat's privacy guideline.
 */
export default function PrivacySheet({ visible, version, onAgree, onDecline }: PrivacySheetProps) {
  // The tab bar would stay tappable beside the sheet (mini-programs draw it outside the page) or
  // above it (H5): hide it while the user decides. Fails harmlessly on pages without a tab bar.
  useEffect(() => {
    if (!visible) return undefined;
    Taro.hideTabBar({ animation: false }).catch(() => undefined);
    return () => {
      Taro.showTabBar({ animation: false }).catch(() => undefined);
    };
  }, [visible]);

  if (!visible) return null;
  return (
    <View className="privacy-sheet" data-testid="privacy-sheet" catchMove>
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">隐私保护提示</Text>
        <Text className="privacy-sheet__text">
          为了提供登录、账号绑定和家庭保单管理服务，我们会收集和使用你的手机号、微信或支付宝账号标识。
          请阅读《家保隐私政策》{version ? `（版本 ${version}）` : ''}，同意后再继续；不同意也可以浏览保险超市。
        </Text>
        <View className="privacy-sheet__actions">
          <Button className="privacy-sheet__decline" onClick={onDecline}>
            不同意
          </Button>
          {PRIVACY_AGREE_OPEN_TYPE ? (
            <Button
              id={PRIVACY_AGREE_BUTTON_ID}
              className="privacy-sheet__agree"
              openType={PRIVACY_AGREE_OPEN_TYPE}
              onAgreePrivacyAuthorization={onAgree}
            >
              同意并继续
            </Button>
          ) : (
            <Button id={PRIVACY_AGREE_BUTTON_ID} className="privacy-sheet__agree" onClick={onAgree}>
              同意并继续
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}
