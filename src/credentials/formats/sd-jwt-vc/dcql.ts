/**
 * How DCQL names an SD-JWT VC and asks for one (OpenID4VP 1.0 Appendix B.3): format `dc+sd-jwt`,
 * `meta.vct_values` the accepted types (B.3.5). Kept apart from the parser so that building a
 * query does not load it.
 */
import type { DcqlNaming } from '../format';

export const sdJwtVcDcql: DcqlNaming = {
  dcqlFormat: 'dc+sd-jwt',
  dcqlMeta: (types) => ({ vct_values: [...types] }),
};
