/**
 * Content-coding negotiation for pre-compressed static files (RFC 9110 §12.5.3 Accept-Encoding).
 * The build writes `name.br` and `name.gz` beside a file when they are smaller (vite.config.ts,
 * src/server/precompress.ts); the static server sends the one this picks.
 */

/** The codings we have pre-compressed files for, best first: the tie-break when q-values are equal. */
export const PRECOMPRESSED_CODINGS = ['br', 'gzip'] as const;
export type PrecompressedCoding = (typeof PRECOMPRESSED_CODINGS)[number];
export type ChosenCoding = PrecompressedCoding | 'identity';

/**
 * Files worth compressing: text and WebAssembly. Images (PNG) are compressed already. Every
 * response for these varies by Accept-Encoding, coded or not (RFC 9110 §12.5.5).
 */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.webmanifest', '.json', '.svg', '.ico', '.txt']);

/** The file suffix the build writes for each coding. */
export const CODING_SUFFIX: Record<PrecompressedCoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The response's coding for a request's Accept-Encoding, among the pre-compressed codings
 * `available` for this file (identity, the file itself, always is):
 *  - no header: identity. §12.5.3 lets a server use any coding then, but a client that sent none
 *    (curl, a health check) is best served a body it can read;
 *  - an empty value: identity only (§12.5.3);
 *  - otherwise the available coding with the highest q above 0 (§12.4.2 qvalues; `*` stands for
 *    every coding not listed; q=0 means "not acceptable"; `x-gzip` is gzip, §8.4.1.3), br before
 *    gzip on equal q; identity when it is given a higher q than every coding on offer, or when
 *    nothing on offer is acceptable. That includes `identity;q=0` with no acceptable coding: the
 *    representation is sent as it is rather than a 406, as §12.5.3 allows and clients expect.
 */
export function chooseCoding(acceptEncoding: string | readonly string[] | undefined, available: readonly PrecompressedCoding[]): ChosenCoding {
  if (acceptEncoding === undefined) return 'identity';
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding as string);
  const weights = parseAcceptEncoding(value);
  const qualityOf = (coding: string): number | undefined => weights.get(coding) ?? weights.get('*');
  let best: ChosenCoding = 'identity';
  let bestQ = 0;
  for (const coding of PRECOMPRESSED_CODINGS) {
    if (!available.includes(coding)) continue;
    const q = qualityOf(coding) ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  // Identity wins only when the client ranks it explicitly above what we could compress with
  // (an unlisted identity is acceptable, §12.5.3, but not preferred over a listed coding).
  const identityQ = weights.get('identity');
  if (best !== 'identity' && identityQ !== undefined && identityQ > bestQ) return 'identity';
  return best;
}

/** Coding name (lower case) → qvalue. Malformed members are ignored, as if not sent. */
export function parseAcceptEncoding(value: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const member of value.split(',')) {
    const [rawName, ...params] = member.split(';');
    let name = (rawName ?? '').trim().toLowerCase();
    if (!name) continue;
    if (name === 'x-gzip') name = 'gzip';
    let q = 1;
    let malformed = false;
    for (const param of params) {
      const [key, raw] = param.split('=').map((part) => part.trim());
      if (key?.toLowerCase() !== 'q') continue;
      // weight = OWS ";" OWS "q=" qvalue; qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (§12.4.2)
      if (!raw || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(raw)) malformed = true;
      else q = Number(raw);
    }
    if (malformed) continue;
    // A coding listed twice keeps its first weight.
    if (!weights.has(name)) weights.set(name, q);
  }
  return weights;
}
