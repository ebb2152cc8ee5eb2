/**
 * The Content Security Policy and the other security headers for Satchel's static files.
 * One source of truth: the build writes the meta-tag form into index.html, and the static server
 * (and the README's deployment notes) send the header form.
 */

/** Origins the wallet may talk to besides its own: the issuers and trust-list operator it is built for. */
export function connectOriginsFromEnv(env: Record<string, string | undefined> = process.env): string[] {
  return (env.SATCHEL_CONNECT_ORIGINS ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((origin) => new URL(origin).origin);
}

/**
 * The policy. No inline script and no eval: only 'wasm-unsafe-eval', which WebAssembly
 * compilation needs. No third-party origin anywhere.
 * `forMeta` drops the directives a <meta> tag cannot carry (CSP3 §3.3: frame-ancestors, sandbox, report-*).
 */
export function contentSecurityPolicy(connectOrigins: readonly string[], { forMeta = false } = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...connectOrigins],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['media-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
  ];
  if (!forMeta) directives.push(['frame-ancestors', "'none'"]);
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** Every header a static host must send with the app (README: "Deploying"). */
export function securityHeaders(connectOrigins: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectOrigins),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
