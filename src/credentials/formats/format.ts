/**
 * The seam every credential format plugs into: what the verify pipeline, presentations and the
 * wallet need to know about a format, so that nothing outside the format's own folder parses it.
 * One module per format (sd-jwt-vc/, jwt-vc/), listed in the registry (formats/index.ts).
 *
 * Shaped to fit ISO mdoc (ISO/IEC 18013-5) as well: `detect` on CBOR, `type` its docType, claims
 * by namespace, `issuerSignature` the issuerAuth COSE_Sign1 (RFC 9052 §4.2), `holderProof` the
 * DeviceAuth signature instead of a KB-JWT, and DCQL format `mso_mdoc` with `doctype_value` and
 * `[namespace, element]` claim paths (OpenID4VP 1.0 Appendix B.2).
 */
import type { JsonObject } from '../../lib/json-safe';
import type { VerifyItem } from '../../lib/signature-verifier';
import type { PublicKey } from '../jwk';
import type { StatusReference } from '../status-token';
import type { ValidityWindow } from '../validity';

/** The formats Satchel ships, as verify reports and the vault name them. */
export type CredentialFormat = 'dc+sd-jwt' | 'vc+jwt' | 'mso_mdoc' | 'paper-card';

/** A claim path as in DCQL (OpenID4VP 1.0 §7): keys, array indexes, and null for "every element". */
export type ClaimPath = readonly (string | number | null)[];
/** A claim path a format builds (a new array the caller may keep). */
export type ClaimPathSteps = (string | number | null)[];

/**
 * What an mdoc's device signature covers besides the client id (`audience`) and `nonce`: the
 * SessionTranscript's handover (ISO/IEC 18013-5 §9.1.5.1). Online it is OpenID4VP 1.0 Appendix
 * B.2.6.1's OpenID4VPHandover (the response URI, and the thumbprint of the key the answer is
 * encrypted to, or null); in person between two Satchels, the request QR the holder scanned
 * (docs/sharing.md). Formats whose proof signs only audience and nonce (a KB-JWT) ignore it.
 */
export type PresentationHandover =
  | { kind: 'openid4vp'; responseUri: string; encryptionKeyThumbprint: Uint8Array | null }
  | { kind: 'satchel-qr'; requestQr: string }
  /**
   * OpenID4VP 1.0 Appendix B.2.6.2 (the Digital Credentials API): OpenID4VPDCAPIHandover =
   * ["OpenID4VPDCAPIHandover", SHA-256(cbor([origin, nonce, jwkThumbprint / null]))], the origin
   * the browser vouches for (the audience is then `origin:<origin>`, §A.2).
   */
  | { kind: 'openid4vp-dc-api'; origin: string; encryptionKeyThumbprint: Uint8Array | null }
  /**
   * An ISO/IEC 18013-5 proximity session (issue 15): the whole SessionTranscriptBytes as both sides
   * built it (#6.24 of [DeviceEngagementBytes, EReaderKeyBytes, Handover], §9.1.5.1), so audience
   * and nonce are not used; and the reader's ephemeral private key (ECDH P-256, deriveBits), which
   * a device MAC (§9.1.3.5) needs to derive EMacKey.
   */
  | { kind: 'iso-18013-5'; sessionTranscriptBytes: Uint8Array; readerPrivateKey: CryptoKey };

/** What a presentation's holder proof must match (RFC 9901 §7.3 for a KB-JWT; ISO/IEC 18013-5 §9.1.3 for an mdoc's DeviceAuth). */
export interface HolderProofExpectations {
  nowS: number;
  /** Required for a presentation; undefined skips the check (a credential carrying a proof). */
  audience?: string;
  nonce?: string;
  /** Required for an mdoc presentation (its SessionTranscript); ignored by JWT-based formats. */
  handover?: PresentationHandover;
}

/**
 * A holder proof as the verify pipeline checks it: a signature, queued for the one batch sent to
 * the SignatureVerifier (a KB-JWT, an mdoc's device signature); or a check the format makes itself
 * in the page and the pipeline awaits, resolving to whether it matches (an mdoc's device MAC,
 * ISO/IEC 18013-5 §9.1.3.5: an HMAC whose key is agreed with the reader's ephemeral key, which
 * WebCrypto checks). Either way a mismatch is reported as key-binding `not-holder`.
 */
export type HolderProofCheck = VerifyItem | Promise<boolean>;

/** The parsed, not yet trusted, view of a credential that the verify pipeline works on. */
export interface ParsedCredential {
  format: string;
  /** Processed claims (SD-JWT: disclosures in place, `_sd`/`_sd_alg` removed; mdoc: namespace → element → value, byte strings as Uint8Array). */
  claims: Record<string, unknown>;
  issuerId: string;
  /** The type shown to the person; `types` are all the types the trust list must allow. */
  type: string;
  types: string[];
  window: ValidityWindow;
  /** How many selectively disclosed claims were each matched to a digest the issuer signed (none: the format discloses nothing selectively). */
  disclosures?: number;
  /**
   * The issuer's signature: the header that picks the key (`kid`, `alg`), and the batch item once
   * the key is known. Throws DataError for a key of the wrong kind. With `x5chain` (an mdoc's
   * COSE header 33, RFC 9360 §2: DER certificates, the signer's first) the key is the first
   * certificate's, once the chain is validated to a root the trust list names for this issuer and
   * type, instead of one of the issuer's listed keys.
   */
  issuerSignature: { header: JsonObject; x5chain?: readonly Uint8Array[]; item(key: PublicKey): VerifyItem };
  /** The holder's proof of possession shown with it (a KB-JWT; an mdoc's DeviceAuth), checked and turned into a batch item or a pending check; absent when none was shown. Throws (or the promise rejects with) CheckError('key-binding'). */
  holderProof?: (expect: HolderProofExpectations) => HolderProofCheck;
  /** Where the issuer publishes its revocation status; undefined when it publishes none. Throws DataError for a damaged reference. */
  statusReference(): StatusReference | undefined;
}

/** A stored credential's claims, read without verifying (it was verified when received and is re-verified in every view). */
export interface ReadCredential {
  /** Its type as the format names it (an SD-JWT VC's vct), when it names one. */
  type?: string;
  /** Every type it declares, for DCQL matching by a set of types (B.1.1 type_values). */
  types?: string[];
  claims: Record<string, unknown>;
}

/** What a holder asks for when presenting: the claims to disclose, and what binds the proof to this verifier. */
export interface PresentationRequest {
  disclose: ClaimPath[];
  audience: string;
  nonce: string;
  holderKey: CryptoKey;
  now?: Date;
  /** Required to present an mdoc (what its device signature covers besides audience and nonce). */
  handover?: PresentationHandover;
}

/** What a credential query's `meta` (§6.1) says the credential must be, as the format's Appendix B section defines it. */
export interface DcqlMetaRead {
  /** B.3.5: the accepted SD-JWT VC `vct` values. */
  vctValues?: string[];
  /** B.1.1: sets of types; a credential whose `type` holds every type of one set matches. */
  typeValues?: string[][];
  /** B.2.3: the mdoc docType a credential must have. */
  doctypeValue?: string;
}

/** How DCQL names a format and asks for it (OpenID4VP 1.0 Appendix B), apart from the parser: dcql.ts in each format's folder. */
export interface DcqlNaming {
  /** The format's name in verify reports and the vault ('dc+sd-jwt', 'vc+jwt'). */
  readonly id: string;
  /** 'dc+sd-jwt', 'jwt_vc_json' (mso_mdoc next). */
  readonly dcqlFormat: string;
  /** The DCQL `meta` (§6.1) asking for any of `types`. */
  dcqlMeta(types: readonly string[]): Record<string, unknown>;
  /** Reads a query's `meta` for this format; throws DataError naming `where` when it lacks what the format requires. */
  readMeta(meta: Record<string, unknown>, where: string): DcqlMetaRead;
}

export interface CredentialFormatModule extends DcqlNaming {
  /** The `format` check's message when it parses, in English. */
  readonly describe: string;
  /** False when it is always shared whole (no selective disclosure). */
  readonly selective: boolean;
  /** True when its holder proof must cover a verifier's request (an mdoc's device signature covers the SessionTranscript), so it cannot be shown without one (quick show). */
  readonly requestOnly: boolean;
  /** Names inside the subject claims that are about the credential, not the person: never listed, never offered. */
  readonly technicalClaims: ReadonlySet<string>;

  /** Whether `raw` carries this format's own marker (a JWT's typ; an mdoc's CBOR), read without checking anything. */
  detect(raw: string): boolean;
  /** Parses every part the verify pipeline checks. Throws DataError (or CheckError naming the failed check). */
  parse(raw: string): ParsedCredential;
  /** A stored credential's claims; throws DataError when it cannot be read. */
  read(raw: string): ReadCredential;
  /** What the credential says about the person, by claim name. */
  subjectClaims(claims: Record<string, unknown>): Record<string, unknown>;
  /** The DCQL claim path (§7) of a subject claim (`subject` is what subjectClaims returned; an mdoc finds the element's namespace in `claims`). */
  subjectPath(name: string, claims: Record<string, unknown>): ClaimPathSteps;
  /** The path without the steps that lead to the subject: what a label is looked up by. */
  labelPath(path: ClaimPath): ClaimPathSteps;
  /** The holder key a verified credential is bound to (RFC 7800 cnf.jwk for JWTs; an mdoc's MSO deviceKeyInfo), as a public JWK; undefined when unbound. Throws DataError when it cannot be read. */
  holderJwk(raw: string): JsonWebKey | undefined;
  /** Where the issuer publishes the status, read before verifying (only to fetch the list first). */
  peekStatusUri(raw: string): string | undefined;
  /** A presentation's holder proof, read before verifying (to tell a replay from a forgery): its nonce, audience and what the holder signed. */
  peekHolderProof(presentation: string): { nonce?: unknown; aud?: unknown; signingInput: string } | undefined;
  /** Builds a presentation disclosing `request.disclose`, with the holder's proof. Throws DataError for a damaged credential or a claim it does not have. */
  present(raw: string, request: PresentationRequest): Promise<string>;
}
