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
 * screen is painted with what it can show and the rest, below the fold, follows right after. Measured
 * when the cards were Taro's components, each rendering itself in the frame that first shows it: a
 * build rendering 5 cards first took 0.933 of one rendering 20 (docs/performance.md, "H5 first
 * screen"). The home page's cards are plain HTML in H5 since decision 017; the cards below the
 * fold still cost React's and the layout's work in that frame.
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
