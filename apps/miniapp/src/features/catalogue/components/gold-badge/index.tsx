import { Label } from '../../../../components/static-elements';
import './index.scss';

/** The 金选 (gold pick) badge of a well-scored product (C4). */
export default function GoldBadge() {
  return (
    <Label className="gold-badge" data-testid="gold-badge">
      金选
    </Label>
  );
}
