/** The report every verify* call returns, and a builder that keeps checks in a fixed order. */
import type { SignatureVerifier } from '../lib/signature-verifier';
import type { CheckCode, CheckName } from './check-error';
import type { CredentialFormat, PresentationHandover } from './formats/index';
import type { TrustList } from './trust-list';

export interface VerifyOptions {
  trustList: TrustList;
  verifier: SignatureVerifier;
  now?: Date;
  /** Returns the Status List Token (compact JWT) at `uri`; the wallet may answer from its cache. */
  fetchStatusList?: (uri: string) => Promise<string>;
}

export interface PresentationOptions extends VerifyOptions {
  audience: string;
  nonce: string;
  /** Required for an mdoc presentation: what its SessionTranscript's handover holds (formats/format.ts). */
  handover?: PresentationHandover;
}

/**
 * A presentation from an ISO/IEC 18013-5 proximity session (issue 15): the handover carries the
 * whole SessionTranscriptBytes and the reader's ephemeral key, so there is no audience or nonce.
 */
export interface ProximityPresentationOptions extends VerifyOptions {
  handover: Extract<PresentationHandover, { kind: 'iso-18013-5' }>;
  audience?: string;
  nonce?: string;
}

export type StatusState = 'valid' | 'revoked' | 'suspended' | 'unknown';

export interface Check {
  name: CheckName;
  ok: boolean;
  /** What happened and what to do next, in English. */
  message: string;
  /** Stable reason, for showing the outcome in English or Welsh ('ok' when passed). */
  code: CheckCode;
}

export interface VerificationReport {
  valid: boolean;
  format: CredentialFormat;
  issuer: { id: string; name?: string; nameCy?: string };
  type: string;
  /** Processed payload; empty unless the signature and disclosures checked out. Data, never HTML. */
  claims: Record<string, unknown>;
  checks: Check[];
  status?: {
    state: StatusState;
    /** ISO 8601: when the status list used was issued (how fresh the revocation information is). */
    checkedAt?: string;
    /** ISO 8601: when the status list's ttl runs out and a fresh copy should be fetched. */
    refreshAfter?: string;
  };
}

const ORDER: readonly CheckName[] = ['format', 'signature', 'disclosures', 'issuer-trusted', 'validity', 'status', 'key-binding'];

export class ReportBuilder {
  private readonly checks = new Map<CheckName, Check>();
  format: CredentialFormat;
  issuer: VerificationReport['issuer'] = { id: '' };
  type = '';
  claims: Record<string, unknown> = {};
  status: VerificationReport['status'];

  constructor(format: CredentialFormat) {
    this.format = format;
  }

  pass(name: CheckName, message: string): void {
    this.checks.set(name, { name, ok: true, message, code: 'ok' });
  }

  fail(name: CheckName, message: string, code: CheckCode = 'damaged'): void {
    this.checks.set(name, { name, ok: false, message, code });
  }

  has(name: CheckName): boolean {
    return this.checks.has(name);
  }

  ok(name: CheckName): boolean {
    return this.checks.get(name)?.ok === true;
  }

  build(): VerificationReport {
    const checks = ORDER.flatMap((n) => {
      const c = this.checks.get(n);
      return c ? [c] : [];
    });
    const valid = checks.length > 0 && checks.every((c) => c.ok) && this.checks.has('signature');
    // Claims are shown only when they are the issuer's (signature) and exactly as disclosed.
    const trustworthy = this.ok('signature') && (!this.checks.has('disclosures') || this.ok('disclosures'));
    const report: VerificationReport = { valid, format: this.format, issuer: this.issuer, type: this.type, claims: trustworthy ? this.claims : {}, checks };
    if (this.status) report.status = this.status;
    return report;
  }
}
