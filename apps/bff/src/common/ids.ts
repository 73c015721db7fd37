const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an id from a caller can be a row's uuid. Checked before a lookup so that a malformed id is
 * "not found" like an unknown one, instead of a database error.
 */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
