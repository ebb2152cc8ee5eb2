/** The checker's reasons in plain English and Welsh, one per check of a presentation (docs/credentials.md). */
import type { Check } from '../../credentials/index';
import type { Localised } from '../shared';
import type { CheckVerdict } from './check-api';

const PASS: Record<string, Localised> = {
  format: { en: 'The credential is well formed', cy: "Mae'r credyd wedi'i ffurfio'n gywir" },
  signature: { en: 'The issuer’s signature is genuine', cy: 'Mae llofnod y cyhoeddwr yn ddilys' },
  disclosures: { en: 'The shared details are exactly as the issuer signed them', cy: "Mae'r manylion a rannwyd yn union fel y llofnododd y cyhoeddwr nhw" },
  'issuer-trusted': { en: 'The issuer is trusted for this kind of credential', cy: "Mae'r cyhoeddwr yn cael ei ymddiried ar gyfer y math hwn o gredyd" },
  validity: { en: 'The credential is in date', cy: "Mae'r credyd mewn dyddiad" },
  status: { en: 'The credential has not been revoked or suspended', cy: "Nid yw'r credyd wedi'i ddirymu na'i atal" },
  'key-binding': { en: 'It was shown from the holder’s own phone, just now, for this check', cy: "Fe'i dangoswyd o ffôn y deiliad ei hun, newydd nawr, ar gyfer y gwiriad hwn" },
};

const FAIL: Record<string, Localised> = {
  format: { en: 'The credential is damaged or not a credential', cy: "Mae'r credyd wedi'i ddifrodi neu nid yw'n gredyd" },
  signature: { en: 'The issuer’s signature does not match: it may have been altered', cy: "Nid yw llofnod y cyhoeddwr yn cyfateb: efallai ei fod wedi'i newid" },
  disclosures: { en: 'The shared details do not match what the issuer signed', cy: "Nid yw'r manylion a rannwyd yn cyfateb i'r hyn a lofnododd y cyhoeddwr" },
  'issuer-trusted': { en: 'The issuer is not trusted for this kind of credential', cy: "Nid yw'r cyhoeddwr yn cael ei ymddiried ar gyfer y math hwn o gredyd" },
  validity: { en: 'The credential has expired or is not valid yet', cy: "Mae'r credyd wedi dod i ben neu nid yw'n ddilys eto" },
  status: { en: 'The credential has been revoked or suspended, or its status is unknown', cy: "Mae'r credyd wedi'i ddirymu neu ei atal, neu nid yw ei statws yn hysbys" },
  'key-binding': { en: 'It was not shown from the holder’s phone for this check (copied, old, or for someone else)', cy: "Ni chafodd ei ddangos o ffôn y deiliad ar gyfer y gwiriad hwn (wedi'i gopïo, yn hen, neu i rywun arall)" },
};

const SPECIFIC: Record<string, Localised> = {
  revoked: { en: 'The issuer has revoked this credential', cy: "Mae'r cyhoeddwr wedi dirymu'r credyd hwn" },
  suspended: { en: 'The issuer has suspended this credential', cy: "Mae'r cyhoeddwr wedi atal y credyd hwn" },
  unknown: { en: 'Could not check whether it has been cancelled: this phone has no up-to-date cancellation list for this issuer', cy: "Ni ellid gwirio a yw wedi'i ganslo: nid oes gan y ffôn hwn restr ganslo gyfredol ar gyfer y cyhoeddwr hwn" },
  expired: { en: 'The credential has expired', cy: "Mae'r credyd wedi dod i ben" },
  'unknown-issuer': { en: 'The issuer is not on the trust list', cy: "Nid yw'r cyhoeddwr ar y rhestr ymddiriedaeth" },
  'type-not-allowed': { en: 'This issuer may not issue this kind of credential', cy: "Ni chaiff y cyhoeddwr hwn gyhoeddi'r math hwn o gredyd" },
};

export function reasonFor(check: Check): { code: string; ok: boolean; message: Localised } {
  const message = check.ok ? PASS[check.name] : SPECIFIC[check.code] ?? FAIL[check.name];
  return { code: check.ok ? check.name : `${check.name}:${check.code}`, ok: check.ok, message: message ?? { en: check.message } };
}

/** The reason code of a status that could not be known (no usable status list): a warning, not a failure. */
export const STATUS_UNKNOWN_CODE = 'status:unknown';

/**
 * The verdict from the reasons: 'status-unknown' when the only reasons not passed are that
 * cancellation could not be checked (signature, issuer, validity and key binding all passed),
 * so the checker sees "could not check cancellation", never the same as revoked (issue 11).
 */
export function verdictOf(ok: boolean, reasons: readonly { code: string; ok: boolean }[]): CheckVerdict {
  if (ok) return 'pass';
  const failed = reasons.filter((r) => !r.ok);
  return failed.length > 0 && failed.every((r) => r.code === STATUS_UNKNOWN_CODE) ? 'status-unknown' : 'fail';
}

export const NO_TRUST_LIST: Localised = {
  en: 'This phone has no trust list yet: connect once to download it, then check again',
  cy: "Nid oes gan y ffôn hwn restr ymddiriedaeth eto: cysylltwch unwaith i'w lawrlwytho, yna gwiriwch eto",
};

/** Whether the presentation answers what was asked: the type, and every claim (missing ones named). */
export function answersRequest(typeOk: boolean, missing: Localised[]): { code: string; ok: boolean; message: Localised } {
  if (!typeOk) return { code: 'request:wrong-type', ok: false, message: { en: 'This is not the kind of credential that was asked for', cy: "Nid dyma'r math o gredyd y gofynnwyd amdano" } };
  if (missing.length > 0) {
    return {
      code: 'request:missing-claims',
      ok: false,
      message: {
        en: `Not shared, though asked for: ${missing.map((m) => m.en).join(', ')}`,
        cy: `Heb ei rannu, er y gofynnwyd amdano: ${missing.map((m) => m.cy ?? m.en).join(', ')}`,
      },
    };
  }
  return { code: 'request', ok: true, message: { en: 'Everything asked for was shared', cy: "Rhannwyd popeth y gofynnwyd amdano" } };
}

/** §6.4.2: whether every credential the request needs was shared (missing kinds named). */
export function answersQuery(missingTypes: Localised[]): { code: string; ok: boolean; message: Localised } {
  if (missingTypes.length > 0) {
    return {
      code: 'request:missing-credentials',
      ok: false,
      message: {
        en: `Not shared, though asked for: ${missingTypes.map((m) => m.en).join(', ')}`,
        cy: `Heb ei rannu, er y gofynnwyd amdano: ${missingTypes.map((m) => m.cy ?? m.en).join(', ')}`,
      },
    };
  }
  return { code: 'request:credentials', ok: true, message: { en: 'Every credential asked for was shared', cy: "Rhannwyd pob credyd y gofynnwyd amdano" } };
}

/** A credential given for a query the request did not make (OpenID4VP 1.0 §8.1: keys are the request's query ids). */
export const NOT_ASKED = { code: 'request:not-asked', ok: false, message: { en: 'This credential was not asked for', cy: "Ni ofynnwyd am y credyd hwn" } as Localised };
