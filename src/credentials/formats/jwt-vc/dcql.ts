/**
 * How DCQL names a W3C VC secured as a JWT and asks for one (OpenID4VP 1.0 Appendix B.1): format
 * `jwt_vc_json`, `meta.type_values` each accepted type as a set with VerifiableCredential (B.1.1).
 * Kept apart from the parser so that building or reading a query does not load it.
 */
import { DataError } from '../../../lib/errors';
import type { DcqlNaming } from '../format';

export const jwtVcDcql: DcqlNaming = {
  id: 'vc+jwt',
  dcqlFormat: 'jwt_vc_json',
  dcqlMeta: (types) => ({ type_values: types.map((t) => ['VerifiableCredential', t]) }),
  readMeta(meta, where) {
    // B.1.1: type_values is REQUIRED for W3C VCs: a non-empty array of non-empty string arrays.
    const types = meta.type_values;
    const ok = Array.isArray(types) && types.length > 0 && types.every((set) => Array.isArray(set) && set.length > 0 && set.every((t) => typeof t === 'string'));
    if (!ok) throw new DataError(`${where}.meta.type_values must be a non-empty array of non-empty arrays of strings`);
    return { typeValues: types as string[][] };
  },
};
