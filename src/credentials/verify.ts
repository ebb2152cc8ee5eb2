/**
 * The verify pipeline. Each credential is parsed and checked in stages; every signature it needs
 * (issuer JWS or an mdoc's COSE_Sign1 and its issuer certificates, key-binding JWT or device
 * signature, status list token) is queued, and the whole call — one credential or many — sends
 * them to the SignatureVerifier as ONE batch. Bad data never throws: it becomes a
 * failed check with a message a person can act on. Misuse (wrong argument types) throws TypeError.
 */
import { argumentError, DataError } from '../lib/errors';
import { BatchCollector, runBatch } from './batch';
import { CheckError, checkOf, codeOf } from './check-error';
import { detectFormat, type CredentialFormat, type CredentialFormatModule, type ParsedCredential } from './formats/index';
import { MAX_BATCH_CREDENTIALS, MAX_CREDENTIAL_CHARS } from './limits';
import { ReportBuilder, type PresentationOptions, type ProximityPresentationOptions, type VerificationReport, type VerifyOptions } from './report';
import { prepareStatus, type StatusListCache, type StatusOutcome } from './status-check';
import { checkTypeAllowed, findIssuer, selectKey, type TrustedIssuer } from './trust-list';
import { checkOptions } from './options';
import type { MdocIssuer } from './x509/chain';
import { checkValidityWindow } from './validity';

const DAMAGED = 'The credential may be damaged or incomplete; ask for it to be sent again.';

interface Context {
  options: VerifyOptions;
  nowS: number;
  collector: BatchCollector;
  statusCache: StatusListCache;
}

type Finish = (results: readonly boolean[]) => VerificationReport;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function withHint(text: string, hint: string): string {
  return `${text.replace(/\.$/, '')}. ${hint}`;
}

function newContext(options: VerifyOptions): Context {
  const now = options.now ?? new Date();
  return { options, nowS: now.getTime() / 1000, collector: new BatchCollector(), statusCache: new Map() };
}

/**
 * The format's name as the report gives it: the type names the built-in formats (CredentialFormat);
 * a format registered besides them (formats/index.ts) reports its own id, which the vault accepts
 * as it accepts any id the registry knows (formats/dcql-naming.ts knownFormatIds).
 */
function formatName(format: CredentialFormatModule): CredentialFormat {
  return format.id as CredentialFormat;
}

type PresentationBinding = Pick<PresentationOptions | ProximityPresentationOptions, 'audience' | 'nonce' | 'handover'>;

async function prepare(raw: string, ctx: Context, presentation?: PresentationBinding): Promise<Finish> {
  const format = detectFormat(raw);
  const report = new ReportBuilder(formatName(format));
  const done: Finish = () => report.build();

  // Format (and for SD-JWT, disclosures: RFC 9901 §7.1 steps 1–5).
  if (raw.length > MAX_CREDENTIAL_CHARS) {
    report.fail('format', `The credential is ${raw.length} characters long; Satchel accepts at most ${MAX_CREDENTIAL_CHARS}. ${DAMAGED}`, 'too-large');
    return done;
  }
  let cred: ParsedCredential;
  try {
    cred = format.parse(raw);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const check = checkOf(e, 'format');
    if (check !== 'format') report.pass('format', 'The credential is well formed.');
    report.fail(check, withHint(e.message, DAMAGED), codeOf(e, 'damaged'));
    return done;
  }
  report.type = cred.type;
  report.issuer = { id: cred.issuerId };
  report.claims = cred.claims;
  report.pass('format', format.describe);
  if (cred.disclosures !== undefined) report.pass('disclosures', `${cred.disclosures} disclosed claim(s), each matching a digest the issuer signed.`);

  // Issuer trusted: listed, key is one of its keys (an mdoc: its DS certificate chains to one of its IACA roots), type one it may issue.
  let issuer: TrustedIssuer | undefined;
  let signatureIndex: number | undefined;
  let chainChecks: { what: string; index: number }[] = [];
  try {
    const x5chain = cred.issuerSignature.x5chain;
    let chain: MdocIssuer | undefined;
    if (x5chain) {
      // ISO/IEC 18013-5 §9.3.3: an mdoc is from the issuer whose IACA root (trust list `iaca`) its
      // Document Signer certificate chains to. Loaded here so that chunks never seeing an mdoc skip the X.509 code.
      const { validateMdocIssuer } = await import('./x509/chain');
      chain = validateMdocIssuer(x5chain, ctx.options.trustList.issuers, cred.type, ctx.nowS, cred.window.issuedAt);
      issuer = chain.issuer;
    } else {
      issuer = findIssuer(ctx.options.trustList, cred.issuerId);
    }
    report.issuer = { id: issuer.id, name: issuer.name.en };
    if (issuer.name.cy !== undefined) report.issuer.nameCy = issuer.name.cy;
    checkTypeAllowed(issuer, cred.types);
    const key = chain ? chain.signerKey : selectKey(issuer.keys, cred.issuerSignature.header, issuer.name.en);
    const listAge = ctx.options.trustList.issuedAt ? ` (trust list of ${ctx.options.trustList.issuedAt})` : '';
    const via = chain ? ', whose IACA root certificate on the trust list issued its document signer certificate' : '';
    report.pass('issuer-trusted', `Issued by ${issuer.name.en}${via}, which may issue ${cred.type}${listAge}.`);
    try {
      // RFC 7515 §5.2 step 8 / RFC 9052 §4.4 (queued): the signature with the issuer's key (an mdoc: its DS key).
      signatureIndex = ctx.collector.add(cred.issuerSignature.item(key));
      // RFC 5280 §6.1.3 (a)(1) (queued in the same batch): each certificate's signature by its issuer's key.
      chainChecks = (chain?.items ?? []).map(({ what, item }) => ({ what, index: ctx.collector.add(item) }));
    } catch (e) {
      report.fail('signature', withHint(message(e), 'It cannot be trusted.'), 'key-mismatch');
    }
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    report.fail('issuer-trusted', e.message, codeOf(e, 'unknown-issuer'));
    report.fail('signature', 'The signature was not checked because the issuer or its key is not trusted.', 'not-checked');
  }

  // Validity window (RFC 7519 §4.1.4–4.1.6, with CLOCK_SKEW_S).
  try {
    report.pass('validity', checkValidityWindow(cred.window, ctx.nowS));
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    report.fail('validity', e.message, codeOf(e, 'damaged'));
  }

  // Key binding (RFC 9901 §7.3; each format's holder proof): required for a presentation; checked if present on a credential.
  // A signature joins the batch; a check the format makes itself (an mdoc's device MAC, ISO/IEC 18013-5 §9.1.3.5) is awaited here.
  let kbIndex: number | undefined;
  let kbMatched: boolean | undefined;
  if (presentation || cred.holderProof) {
    try {
      if (!cred.holderProof) throw new CheckError('key-binding', 'The presentation has no key-binding proof, so it may have been copied from someone else. Ask the holder to share it again.', 'missing');
      // An ISO/IEC 18013-5 session gives no audience or nonce, only its SessionTranscript (§9.1.5.1), which only a format
      // whose proof covers the transcript (requestOnly: an mdoc's DeviceAuth) checks; a KB-JWT would go unchecked against them.
      if (presentation && (presentation.audience === undefined || presentation.nonce === undefined) && !format.requestOnly) {
        throw new CheckError('key-binding', `An ISO/IEC 18013-5 session is answered with an mdoc; this ${format.id} presentation's proof cannot be bound to the session, so it may have been copied. Ask the holder to share it again.`, 'not-checked');
      }
      const expect = presentation ? { nowS: ctx.nowS, ...presentation } : { nowS: ctx.nowS };
      const proof = cred.holderProof(expect);
      if (proof instanceof Promise) kbMatched = await proof;
      else kbIndex = ctx.collector.add(proof);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      report.fail('key-binding', e.message, codeOf(e, 'damaged'));
    }
  }

  // Status (draft-ietf-oauth-status-list §8.3); only fetched once the issuer is trusted.
  let statusFinish: (() => StatusOutcome) | undefined;
  try {
    const ref = cred.statusReference();
    if (!ref) report.pass('status', 'The issuer publishes no revocation status for this credential.');
    else if (!issuer) {
      report.fail('status', 'Revocation was not checked because the issuer is not trusted.', 'unknown');
      report.status = { state: 'unknown' };
    } else {
      statusFinish = await prepareStatus(ref, issuer.id, ctx.options.trustList, ctx.options.fetchStatusList, ctx.statusCache, ctx.options.verifier, ctx.nowS);
    }
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    report.fail('status', e.message, 'damaged');
    report.status = { state: 'unknown' };
  }

  return (results) => {
    if (signatureIndex !== undefined) {
      const brokenLinks = chainChecks.filter((c) => results[c.index] !== true).map((c) => c.what);
      if (brokenLinks.length) report.fail('signature', `The signature on ${brokenLinks.join(' and ')} does not match: the certificate was altered, or was not issued by the IACA on Satchel's trust list. Do not rely on this credential.`, 'mismatch');
      else if (results[signatureIndex] === true) report.pass('signature', `Signed by ${report.issuer.name ?? cred.issuerId}.`);
      else report.fail('signature', 'The signature does not match: the credential was altered, or was not issued by the issuer it names. Do not rely on it.', 'mismatch');
    }
    const holderProved = kbIndex !== undefined ? results[kbIndex] === true : kbMatched;
    if (holderProved !== undefined) {
      if (holderProved) report.pass('key-binding', 'Presented by the person it was issued to (key-binding proof checks out).');
      else report.fail('key-binding', 'The key-binding proof is not signed by the holder\'s key, so it may have been copied. Ask the holder to share it again.', 'not-holder');
    }
    if (statusFinish) {
      const s = statusFinish();
      if (s.ok) report.pass('status', s.message);
      else report.fail('status', s.message, s.state === 'valid' ? 'unknown' : s.state);
      report.status = { state: s.state };
      if (s.checkedAt !== undefined) report.status.checkedAt = s.checkedAt;
      if (s.refreshAfter !== undefined) report.status.refreshAfter = s.refreshAfter;
    }
    return report.build();
  };
}

/** Last line of defence: an unexpected failure on hostile input is a failed check, never a throw. */
function unreadable(raw: string): Finish {
  let name: CredentialFormat = 'vc+jwt';
  try {
    name = formatName(detectFormat(raw));
  } catch {
    // A format's detect that fails on hostile input leaves the report naming the fallback.
  }
  const report = new ReportBuilder(name);
  report.fail('format', `Satchel could not read this credential. ${DAMAGED}`);
  return () => report.build();
}

async function run(raws: readonly string[], options: VerifyOptions, presentation?: PresentationBinding): Promise<VerificationReport[]> {
  const ctx = newContext(options);
  const finishes: Finish[] = [];
  finishes.push(...(await Promise.all(raws.map((raw) => prepare(raw, ctx, presentation).catch(() => unreadable(raw))))));
  const results = await runBatch(options.verifier, ctx.collector.items);
  return finishes.map((f) => f(results));
}

function binding(options: PresentationOptions | ProximityPresentationOptions): PresentationBinding {
  const { audience, nonce, handover } = options;
  return { ...(audience !== undefined ? { audience } : {}), ...(nonce !== undefined ? { nonce } : {}), ...(handover ? { handover } : {}) };
}

/**
 * A presentation must be bound to the request it answers: `audience` and `nonce`, unless it comes
 * from an ISO/IEC 18013-5 proximity session, whose SessionTranscript (§9.1.5.1) is given whole
 * with the reader's ephemeral key (for a device MAC, §9.1.3.5).
 */
function checkBinding(options: PresentationOptions | ProximityPresentationOptions): void {
  const { handover } = options;
  if (typeof handover === 'object' && handover !== null && handover.kind === 'iso-18013-5') {
    if (!(handover.sessionTranscriptBytes instanceof Uint8Array)) throw argumentError('options.handover.sessionTranscriptBytes', 'a Uint8Array (SessionTranscriptBytes)', handover.sessionTranscriptBytes);
    // Read by shape rather than `instanceof CryptoKey`, which fails for a key from another realm (a test DOM, a worker).
    const key = handover.readerPrivateKey as Partial<CryptoKey> | null;
    if (typeof key !== 'object' || key === null || key.type !== 'private' || key.algorithm?.name !== 'ECDH' || !Array.isArray(key.usages) || !key.usages.includes('deriveBits')) {
      throw argumentError('options.handover.readerPrivateKey', "the reader's ephemeral private ECDH key (CryptoKey with usage deriveBits)", key);
    }
    return;
  }
  if (typeof options.audience !== 'string' || options.audience === '') throw argumentError('options.audience', 'a non-empty string', options.audience);
  if (typeof options.nonce !== 'string' || options.nonce === '') throw argumentError('options.nonce', 'a non-empty string', options.nonce);
}

/** Verifies one credential, in any registered format. */
export async function verifyCredential(raw: string, options: VerifyOptions): Promise<VerificationReport> {
  if (typeof raw !== 'string') throw argumentError('raw', 'a string', raw);
  checkOptions(options);
  const [report] = await run([raw], options);
  return report!;
}

/** Verifies many credentials; all their signatures go to the verifier as one batch. */
export async function verifyCredentials(raws: string[], options: VerifyOptions): Promise<VerificationReport[]> {
  if (!Array.isArray(raws)) throw argumentError('raws', 'an array of strings', raws);
  raws.forEach((r, i) => {
    if (typeof r !== 'string') throw argumentError(`raws[${i}]`, 'a string', r);
  });
  if (raws.length > MAX_BATCH_CREDENTIALS) throw new RangeError(`raws has ${raws.length} credentials; at most ${MAX_BATCH_CREDENTIALS} per call`);
  checkOptions(options);
  return run(raws, options);
}

/**
 * The verifier side of a presentation: everything verifyCredential checks, plus key binding to
 * `audience` and `nonce` (and the handover, for an mdoc), or, from an ISO/IEC 18013-5 proximity
 * session, to the session's transcript (ProximityPresentationOptions).
 */
export async function verifyPresentation(raw: string, options: PresentationOptions | ProximityPresentationOptions): Promise<VerificationReport> {
  if (typeof raw !== 'string') throw argumentError('raw', 'a string', raw);
  checkOptions(options);
  checkBinding(options);
  const [report] = await run([raw], options, binding(options));
  return report!;
}

/**
 * Several presentations answering one request (OpenID4VP 1.0 §8.1: one vp_token, a presentation per
 * credential query), each key-bound to the same `audience` and `nonce` (or the same ISO/IEC 18013-5
 * session, ProximityPresentationOptions); every signature of every
 * presentation goes to the verifier as one batch. Reports come back in the order given.
 */
export async function verifyPresentations(raws: string[], options: PresentationOptions | ProximityPresentationOptions): Promise<VerificationReport[]> {
  if (!Array.isArray(raws)) throw argumentError('raws', 'an array of strings', raws);
  raws.forEach((r, i) => {
    if (typeof r !== 'string') throw argumentError(`raws[${i}]`, 'a string', r);
  });
  if (raws.length > MAX_BATCH_CREDENTIALS) throw new RangeError(`raws has ${raws.length} presentations; at most ${MAX_BATCH_CREDENTIALS} per call`);
  checkOptions(options);
  checkBinding(options);
  return run(raws, options, binding(options));
}
