/**
 * A query parameter as the page receives it (`?id=`). Platforms differ in whether they decode it
 * before handing it over, so decode once more when it still looks encoded.
 */
export function routeParam(value: string | undefined): string {
  if (!value) return '';
  if (!/%[0-9a-fA-F]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
