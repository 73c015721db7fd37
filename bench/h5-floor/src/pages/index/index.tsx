import { Text, View } from '@tarojs/components';

export default function Index() {
  return (
    <View className="product-card">
      <Text>你好</Text>
    </View>
  );
}
