/** An OAuth / OpenID4VCI error response (RFC 6749 §5.2, OpenID4VCI 1.0 §6.3, §8.3.1.2, §9.3, §11.3), with any headers it needs (RFC 9449 §8: DPoP-Nonce). */
export class IssuerError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
  body(): Record<string, unknown> {
    return { error: this.error, error_description: this.description, ...this.extra };
  }
}
