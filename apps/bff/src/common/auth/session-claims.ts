/** The platforms one signs in from (P1). */
export type Platform = 'WECHAT' | 'ALIPAY' | 'H5';

/** Who is calling: what a valid access token says, checked against a session that is still active. */
export interface SessionClaims {
  readonly accountId: string;
  readonly sessionId: string;
  readonly platform: Platform;
}
