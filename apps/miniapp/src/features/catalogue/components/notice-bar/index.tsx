import { Text, View } from '@tarojs/components';
import './index.scss';

export interface NoticeBarProps {
  text: string;
}

/** A warning strip above the list, e.g. for insurers that could not be reached. */
export default function NoticeBar({ text }: NoticeBarProps) {
  return (
    <View className="notice-bar" data-testid="notice-bar">
      <Text className="notice-bar__text">{text}</Text>
    </View>
  );
}
