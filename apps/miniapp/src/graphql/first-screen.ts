/**
 * The H5 first screen (docs/performance.md, "H5 first screen"): index.html starts the home page's
 * products request while the app's scripts are still loading (an inline script, config/first-screen.ts)
 * and shows a skeleton of the list until the home screen has something to show (its first products,
 * when the BFF drew them into the document: decision 021; grey placeholders otherwise). This module
 * hands the started request to the transport, once (or its answer to the client's `settled`, when it
 * is already here as the home page first renders: the list is then in that first render), and takes
 * the skeleton away. All of it does nothing outside H5 or when index.html started nothing.
 */

/** The home page's first products request (useProductList with the initial filter values). */
export const HOME_PRODUCTS_VARIABLES = { first: 20, after: null, filter: {}, sort: 'SCORE' } as const;

/** The id of the skeleton element in src/index.html. */
export const FIRST_SCREEN_SKELETON_ID = 'first-screen-skeleton';

interface FirstScreenAnswer {
  readonly statusCode: number;
  readonly body: string;
}

interface FirstScreen {
  readonly url: string;
  readonly answer: Promise<FirstScreenAnswer>;
  /** The answer once it has arrived (set by index.html), null before. */
  readonly settled?: FirstScreenAnswer | null;
}

type FirstScreenWindow = { __FIRST_SCREEN__?: FirstScreen };

/** The request index.html started, when it was for `url` and is still there (H5 only). */
function startedFor(url: string): FirstScreen | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined;
  const started = (globalThis as unknown as FirstScreenWindow).__FIRST_SCREEN__;
  return started?.url === url ? started : undefined;
}

/** Takes the started request away: it is handed over once. */
function forgetStarted(): void {
  (globalThis as unknown as FirstScreenWindow).__FIRST_SCREEN__ = undefined;
}

/** The request index.html started for `url`, once; undefined for any other URL or a second time. */
export function takeFirstScreenAnswer(url: string): FirstScreen['answer'] | undefined {
  const started = startedFor(url);
  if (!started) return undefined;
  forgetStarted();
  return started.answer;
}

/**
 * The answer of the request index.html started for `url`, taken, when it has already arrived and
 * `accept` takes it; undefined otherwise (not arrived, another URL, refused), and then the request
 * stays for `takeFirstScreenAnswer`. The home page renders its list at once with it.
 */
export function takeSettledFirstScreenAnswer(
  url: string,
  accept: (answer: FirstScreenAnswer) => boolean,
): FirstScreenAnswer | undefined {
  const settled = startedFor(url)?.settled;
  if (!settled || !accept(settled)) return undefined;
  forgetStarted();
  return settled;
}

/** Takes the skeleton away (the home screen has its list, an error or an empty state to show). */
export function removeFirstScreenSkeleton(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  const { document } = globalThis as unknown as {
    document?: { getElementById(id: string): { remove(): void } | null };
  };
  document?.getElementById(FIRST_SCREEN_SKELETON_ID)?.remove();
}
