/** The parsed, not yet trusted, view of a credential that the verify pipeline works on. */
import type { JsonObject } from '../lib/json-safe';
import type { ParsedJws } from './jws';
import type { ParsedSdJwt } from './sd-jwt';
import type { ValidityWindow } from './validity';

export type CredentialFormat = 'dc+sd-jwt' | 'vc+jwt';

export interface ParsedCredential {
  format: CredentialFormat;
  jws: ParsedJws;
  /** Processed claims (SD-JWT: disclosures in place, `_sd`/`_sd_alg` removed). */
  claims: JsonObject;
  issuerId: string;
  /** The type shown to the person; `types` are all the types the trust list must allow. */
  type: string;
  types: string[];
  window: ValidityWindow;
  sd?: ParsedSdJwt;
  /** A JWT VC presented with proof of possession (`<vc-jwt>~<kb-jwt>`, presentation.ts): what the KB-JWT covers, and it. */
  binding?: { withoutKb: string; kbJwt?: string };
}
