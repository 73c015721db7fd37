import Taro from '@tarojs/taro';
import { Box, Label } from '../../../../components/static-elements';
import type { ProductSummaryFragment } from '../../../../graphql/generated/graphql';
import { productPageUrl } from '../../routes';
import { formatPriceFrom, formatScore } from '../../utils/format';
import { splitHighlights } from '../../utils/highlight';
import GoldBadge from '../gold-badge';
import './index.scss';

export interface ProductCardProps {
  /** The `ProductSummary` fields (fragments.graphql), as the home list loads them. */
  product: ProductSummaryFragment;
  /** Ranges of the name that matched the search text: shown bold, underlined and in the accent colour. */
  highlights?: readonly { start: number; length: number }[];
}

/** One product of the list; a tap opens its detail. Class names are stable: end-to-end tests select on them. */
export default function ProductCard({ product, highlights }: ProductCardProps) {
  const open = (): void => {
    void Taro.navigateTo({ url: productPageUrl(product.id) });
  };
  return (
    <Box className="product-card" data-testid="product-card" data-product-id={product.id} onClick={open}>
      <Box className="product-card__main">
        <Label className="product-card__name">
          {splitHighlights(product.name, highlights).map((part, index) =>
            part.marked ? (
              <Label key={index} className="product-card__mark" data-testid="highlight">
                {part.text}
              </Label>
            ) : (
              part.text
            ),
          )}
        </Label>
        <Label className="product-card__category">{product.categoryLabel}</Label>
      </Box>
      <Box className="product-card__meta">
        <Label className="product-card__insurer">{product.insurer.name}</Label>
        {product.score ? (
          <Box className="product-card__score">
            {product.score.goldPick ? <GoldBadge /> : null}
            <Label className="product-card__score-value">{formatScore(product.score.composite)}</Label>
            <Label className="product-card__score-unit">分</Label>
          </Box>
        ) : null}
      </Box>
      <Box className="product-card__footer">
        <Label className="product-card__price">{formatPriceFrom(product.priceFrom)}</Label>
      </Box>
    </Box>
  );
}
