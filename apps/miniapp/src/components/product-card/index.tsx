import { Text, View } from '@tarojs/components';
import type { ProductItem } from '../../hooks/product-list-state';
import { formatPriceFrom } from '../../utils/format';
import './index.scss';

export interface ProductCardProps {
  product: ProductItem;
}

/** One product of the list. Class names are stable: end-to-end tests select on them. */
export default function ProductCard({ product }: ProductCardProps) {
  return (
    <View className="product-card" data-testid="product-card" data-product-id={product.id}>
      <View className="product-card__main">
        <Text className="product-card__name">{product.name}</Text>
        <Text className="product-card__category">{product.categoryLabel}</Text>
      </View>
      <View className="product-card__footer">
        <Text className="product-card__insurer">{product.insurer.name}</Text>
        <Text className="product-card__price">{formatPriceFrom(product.priceFrom)}</Text>
      </View>
    </View>
  );
}
