/**
 * Paper cards from the reference departments (issue 17; docs/issuers.md "Paper cards"): a
 * credential's in-person claims as a CWT (RFC 8392) in a COSE_Sign1 (RFC 9052 §4.2) signed ES256
 * with the department's JWKS key, built by the paper-card format's preparePaperCard
 * (src/credentials/formats/paper-card). Each configuration X that has a `card`
 * (departments.ts) is offered again as `X_card` (format `satchel_card`, no holder binding).
 *
 * The printed code (`SC1:` + Base45(zlib(COSE_Sign1)), as the EU DCC's `HC1:`) is made here with
 * Node's own zlib (RFC 1950), not the wallet's, so a card read by the wallet's inflater proves the
 * two agree.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PAPER_CARD_VCI_FORMAT, preparePaperCard, type CardClaimValue } from '../../credentials/formats/paper-card/index';
import { base45Encode } from '../../lib/base45';
import type { CredentialConfiguration, Department } from './departments';
import type { KeyPair } from './keys';

/** OpenID4VCI 1.0 §A: a profile may define its own format identifier; `satchel_card` is Satchel's for a paper card. */
export const CARD_FORMAT = PAPER_CARD_VCI_FORMAT;
export const CARD_SUFFIX = '_card';
/** The printed code's prefix (docs/credentials.md "Paper cards"); the same as src/protocols/paper/card-code.ts's, which src/server may not import. */
export const CARD_CODE_PREFIX = 'SC1:';
/** How long a card made at the counter is valid when no credential's expiry applies: 5 years. */
export const COUNTER_CARD_LIFETIME_S = 5 * 365 * 24 * 3600;

export const cardConfigurationId = (configurationId: string): string => `${configurationId}${CARD_SUFFIX}`;

/** The configuration a card configuration id (`X_card`) is the card of, if X has a card. */
export function cardOf(department: Department, cardId: unknown): CredentialConfiguration | undefined {
  if (typeof cardId !== 'string' || !cardId.endsWith(CARD_SUFFIX)) return undefined;
  const base = department.credentials.find((c) => c.id === cardId.slice(0, -CARD_SUFFIX.length));
  return base?.card ? base : undefined;
}

/** A card configuration's name, in English and Welsh: "Driving licence (paper card)". */
export function cardName(configuration: CredentialConfiguration): { en: string; cy: string } {
  return { en: `${configuration.name.en} (paper card)`, cy: `${configuration.name.cy} (cerdyn papur)` };
}

/** A claim on a card: text, a number or a boolean, dates as YYYY-MM-DD text (common decisions). */
export type { CardClaimValue };

/**
 * The card's claims, picked from the credential's subject claims: only those the configuration's
 * card lists; driving_privileges becomes its categories as text ("AM, B, BE").
 */
export function cardClaims(configuration: CredentialConfiguration, subject: Record<string, unknown>): Record<string, CardClaimValue> {
  const out: Record<string, CardClaimValue> = {};
  for (const name of configuration.card?.claims ?? []) {
    const value = subject[name];
    if (value === undefined) continue;
    if (name === 'driving_privileges' && Array.isArray(value)) {
      out[name] = value.map((p) => String((p as { vehicle_category_code?: unknown }).vehicle_category_code)).join(', ');
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[name] = value;
    } else {
      throw new TypeError(`The card claim ${name} is not text, a number or true/false`);
    }
  }
  return out;
}

export interface CardInput {
  /** The issuer id exactly as on the trust list (the department's URL). */
  issuer: string;
  type: string;
  claims: Record<string, CardClaimValue>;
  issuedAt: Date;
  expiresAt: Date;
  /** The status list entry (draft-ietf-oauth-status-list, CWT claim 65535). */
  status?: { idx: number; uri: string };
}

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** ES256 over bytes (RFC 9053 §2.1: SHA-256, then r‖s as two 32-byte big-endian integers). */
function signEs256(key: KeyPair, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign('sha256', data, { key: createPrivateKey({ key: key.privateJwk as never, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }));
}

/** The card's COSE_Sign1 bytes, signed with the department's key (kid = its JWKS kid). */
export function signPaperCard(key: KeyPair, input: CardInput): Uint8Array {
  const prepared = preparePaperCard({
    iss: input.issuer,
    kid: key.kid,
    vct: input.type,
    claims: input.claims,
    iat: seconds(input.issuedAt),
    exp: seconds(input.expiresAt),
    ...(input.status ? { status: input.status } : {}),
  });
  return prepared.finish(signEs256(key, prepared.toBeSigned));
}

/** The stored / delivered form: base64url (no padding) of the COSE_Sign1 bytes. */
export const cardCredential = (cose: Uint8Array): string => Buffer.from(cose).toString('base64url');

/** The printed code's text: SC1: + Base45 (RFC 9285) of zlib (RFC 1950) of the COSE_Sign1 bytes. */
export function cardCode(credential: string): string {
  return CARD_CODE_PREFIX + base45Encode(new Uint8Array(deflateSync(Buffer.from(credential, 'base64url'), { level: 9 })));
}
