/** A platform API (wx.login, my.getAuthCode…) failed; `message` is for users, `detail` for logs. */
export class PlatformError extends Error {
  readonly detail: string | undefined;

  constructor(message: string, detail?: string) {
    super(message);
    // Keep `instanceof` working when the class is transpiled to ES5 for mini-programs.
    Object.setPrototypeOf(this, PlatformError.prototype);
    this.name = 'PlatformError';
    this.detail = detail;
  }
}

/** The platform's error callback value as text (`errMsg` on WeChat, `errorMessage` on Alipay). */
export function describePlatformFailure(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.errMsg === 'string') return record.errMsg;
    if (typeof record.errorMessage === 'string') {
      return typeof record.error === 'number' ? `${record.error} ${record.errorMessage}` : record.errorMessage;
    }
  }
  return String(value);
}
