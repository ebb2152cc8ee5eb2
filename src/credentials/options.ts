/** Argument checks for the verify* functions: misuse throws a TypeError naming the parameter (docs/architecture.md, convention 2). */
import { argumentError } from '../lib/errors';
import type { VerifyOptions } from './report';
import { isTrustList } from './trust-list';

export function checkOptions(options: unknown, name = 'options'): asserts options is VerifyOptions {
  if (typeof options !== 'object' || options === null) throw argumentError(name, 'an object', options);
  const o = options as Partial<VerifyOptions>;
  if (!isTrustList(o.trustList)) throw argumentError(`${name}.trustList`, 'a TrustList (from parseTrustList or trustListFromIssuers)', o.trustList);
  if (typeof o.verifier !== 'object' || o.verifier === null || typeof o.verifier.verifyBatch !== 'function') throw argumentError(`${name}.verifier`, 'an object with verifyBatch(items)', o.verifier);
  if (o.now !== undefined && (!(o.now instanceof Date) || Number.isNaN(o.now.getTime()))) throw argumentError(`${name}.now`, 'a valid Date', o.now);
  if (o.fetchStatusList !== undefined && typeof o.fetchStatusList !== 'function') throw argumentError(`${name}.fetchStatusList`, 'a function', o.fetchStatusList);
}
