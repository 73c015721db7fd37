import { Text, View } from '@tarojs/components';
import type { ComponentType, CSSProperties, ReactNode } from 'react';

/**
 * A box and a run of text for content that only shows and takes taps: lists' cards and the like
 * (docs/decisions/017-h5-static-elements.md). In the mini-programs they are Taro's `View` and `Text`.
 * In H5 they are a plain `div` and `span`: Taro's H5 `View` and `Text` are custom elements (Stencil)
 * that each render themselves, with a slot, before the frame that shows them is painted, which on the
 * home page's first screen cost more than React's own work. Class names, `data-*`, ARIA and taps are
 * the same on both, so styles and tests select them alike; anything more (hover classes, long press,
 * selectable text, `space`, line clamps by attribute) needs Taro's own components.
 */
export interface StaticProps {
  readonly className?: string;
  readonly style?: CSSProperties;
  readonly id?: string;
  readonly role?: string;
  readonly 'aria-label'?: string;
  readonly 'aria-hidden'?: boolean | 'true' | 'false';
  readonly 'aria-selected'?: boolean | 'true' | 'false';
  readonly onClick?: () => void;
  readonly children?: ReactNode;
  readonly [data: `data-${string}`]: string | undefined;
}

// The build replaces TARO_ENV with its value, so each platform's bundle keeps one side of these.
/** A block: Taro's `View`, a `div` in H5. */
export const Box = (process.env.TARO_ENV === 'h5' ? 'div' : View) as unknown as ComponentType<StaticProps>;

/** Inline text: Taro's `Text`, a `span` in H5 (whose text can be selected, as `Text`'s cannot by default). */
export const Label = (process.env.TARO_ENV === 'h5' ? 'span' : Text) as unknown as ComponentType<StaticProps>;
