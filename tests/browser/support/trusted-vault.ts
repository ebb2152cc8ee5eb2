/**
 * A real (IndexedDB) vault on a checking phone holding a trust list signed by a pinned operator
 * key, as after receiving once online — shared by the checker's browser tests. Written as the
 * version before the trust cache had its own record kept it (inside the receive document), so every
 * test using it also proves the trust cache adopts those copies on first read
 * (src/wallet/trust/legacy-receive-copies.ts).
 */
import { prepareTrustList } from '../../../src/credentials/index';
import { CREDENTIAL_TYPES } from '../../../src/wallet/shared/purposes';
import { RECEIVE_KIND, RECEIVE_STATE_ID, RECEIVE_STATE_VERSION } from '../../../src/wallet/receive/receive-store';
import type { SatchelVault } from '../../../src/wallet/vault/vault';
import { es256Key } from '../../shared/credentials/helpers';
import { PIN, testVault, uniqueDbName } from './vault-helpers';
import { DVLA, HOME_OFFICE, NOW, type World } from './share-fixtures';

export interface TrustedVault {
  vault: SatchelVault;
  /** The operator key to pin in the wallet's config. */
  operatorJwk: ReturnType<typeof es256Key>['jwk'];
}

/** `issuers`: the DVLA only, or the DVLA and the Home Office. */
/** `statusLists`: the status-list URIs the trust list names for each issuer (its optional `status_lists`). */
export async function vaultWithTrustList(world: World, dbPrefix: string, issuers: 'dvla' | 'dvla+home-office' = 'dvla+home-office', statusLists: Record<string, string[]> = {}): Promise<TrustedVault> {
  const operator = es256Key('op-1');
  const unsigned = prepareTrustList({
    alg: 'ES256',
    kid: 'op-1',
    operator: 'https://trust.example.gov.uk',
    issuedAt: new Date(NOW.getTime() - 3600_000),
    expiresAt: new Date(NOW.getTime() + 86_400_000),
    issuers: [
      { id: DVLA, name: { en: 'DVLA', cy: 'DVLA' }, keys: [world.dvla.jwk], types: [CREDENTIAL_TYPES.drivingLicence], ...(statusLists[DVLA] ? { statusLists: statusLists[DVLA] } : {}) },
      ...(issuers === 'dvla' ? [] : [{ id: HOME_OFFICE, name: { en: 'Home Office', cy: 'Y Swyddfa Gartref' }, keys: [world.homeOffice.jwk], types: [CREDENTIAL_TYPES.rightToWork], ...(statusLists[HOME_OFFICE] ? { statusLists: statusLists[HOME_OFFICE] } : {}) }]),
    ],
  });
  const jwt = unsigned.finish(operator.sign(new TextEncoder().encode(unsigned.signingInput)));
  const vault = testVault(uniqueDbName(dbPrefix));
  await vault.setUp(PIN);
  await vault.putRecord(RECEIVE_KIND, RECEIVE_STATE_ID, {
    v: RECEIVE_STATE_VERSION,
    pending: [],
    credentials: {},
    issuers: {},
    statusLists: {},
    trustList: { jwt, fetchedAt: NOW.getTime() - 60_000, refreshAfter: NOW.getTime() + 3600_000 },
  });
  return { vault, operatorJwk: operator.jwk };
}
