/**
 * How DCQL names an ISO mdoc and asks for one (OpenID4VP 1.0 Appendix B.2): format `mso_mdoc`,
 * `meta.doctype_value` the one docType accepted (B.2.3). Claim paths are [namespace, element]
 * (B.2.4). Kept apart from the parser so that building or reading a query does not load it.
 */
import { DataError } from '../../../lib/errors';
import type { DcqlNaming } from '../format';

export const msoMdocDcql: DcqlNaming = {
  id: 'mso_mdoc',
  dcqlFormat: 'mso_mdoc',
  // B.2.3 takes a single docType: a query for one of several types is one credential query each.
  dcqlMeta(types) {
    if (types.length !== 1) throw new TypeError(`An mso_mdoc query asks for exactly one docType (got ${types.length})`);
    return { doctype_value: types[0] };
  },
  readMeta(meta, where) {
    // B.2.3: doctype_value is REQUIRED for mso_mdoc.
    const doctype = meta.doctype_value;
    if (typeof doctype !== 'string' || doctype === '') throw new DataError(`${where}.meta.doctype_value must be a non-empty string (the mdoc's docType)`);
    return { doctypeValue: doctype };
  },
};
