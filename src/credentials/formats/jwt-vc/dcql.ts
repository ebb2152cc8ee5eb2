/**
 * How DCQL names a W3C VC secured as a JWT and asks for one (OpenID4VP 1.0 Appendix B.1): format
 * `jwt_vc_json`, `meta.type_values` each accepted type as a set with VerifiableCredential (B.1.1).
 * Kept apart from the parser so that building a query does not load it.
 */
import type { DcqlNaming } from '../format';

export const jwtVcDcql: DcqlNaming = {
  dcqlFormat: 'jwt_vc_json',
  dcqlMeta: (types) => ({ type_values: types.map((t) => ['VerifiableCredential', t]) }),
};
