/**
 * How DCQL names an SD-JWT VC and asks for one (OpenID4VP 1.0 Appendix B.3): format `dc+sd-jwt`,
 * `meta.vct_values` the accepted types (B.3.5). Kept apart from the parser so that building or
 * reading a query does not load it.
 */
import { DataError } from '../../../lib/errors';
import type { DcqlNaming } from '../format';

export const sdJwtVcDcql: DcqlNaming = {
  id: 'dc+sd-jwt',
  dcqlFormat: 'dc+sd-jwt',
  dcqlMeta: (types) => ({ vct_values: [...types] }),
  readMeta(meta, where) {
    // B.3.5: vct_values is REQUIRED for dc+sd-jwt.
    const vct = meta.vct_values;
    if (!Array.isArray(vct) || vct.length === 0 || !vct.every((v) => typeof v === 'string')) throw new DataError(`${where}.meta.vct_values must be a non-empty array of strings`);
    return { vctValues: vct as string[] };
  },
};
