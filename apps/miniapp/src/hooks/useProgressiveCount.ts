import { useEffect, useState } from 'react';

/** Runs `callback` once the frame being prepared has been painted (H5); on a mini-program, after this task. */
function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const raf = (globalThis as { requestAnimationFrame?: (callback: () => void) => number }).requestAnimationFrame;
  const cancelRaf = (globalThis as { cancelAnimationFrame?: (handle: number) => void }).cancelAnimationFrame;
  if (typeof raf !== 'function') {
    timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  // A frame's animation callbacks run before it is painted; a timer set in one runs after.
  const frame = raf(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelRaf?.(frame);
    clearTimeout(timer);
  };
}

/**
 * How many items of a list to render: at most `first` in the render that first has items, every
 * item from the next frame on (and from then on, for good: later pages show at once). The first
 * screen is painted with what it can show and the rest, below the fold, follows right after: on H5
 * each of Taro's components renders itself in the frame that first shows it, about 4 ms a product
 * card, so the 20 cards of a first page held the first product back by about 50 ms
 * (docs/performance.md, "H5 first screen").
 */
export function useProgressiveCount(total: number, first: number): number {
  const [all, setAll] = useState(false);
  const waiting = !all && total > first;
  useEffect(() => {
    if (!waiting) return undefined;
    return afterNextPaint(() => setAll(true));
  }, [waiting]);
  return all ? total : Math.min(total, first);
}
