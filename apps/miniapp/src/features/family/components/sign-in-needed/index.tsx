import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FAMILY_PAGE } from '../../routes';
import './index.scss';

/**
 * A family page opened while signed out (a link, an expired session): where to sign in. The 我家
 * tab has the sign-in, so it sends the person there.
 */
export default function SignInNeeded() {
  return (
    <View className="sign-in-needed" data-testid="sign-in-needed">
      <Text className="sign-in-needed__title">请先登录</Text>
      <Text className="sign-in-needed__text">登录后才能查看和管理家庭成员。</Text>
      <Button className="sign-in-needed__button" onClick={() => void Taro.switchTab({ url: FAMILY_PAGE })}>
        去登录
      </Button>
    </View>
  );
}
