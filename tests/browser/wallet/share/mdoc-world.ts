/**
 * The sharing test world (support/share-fixtures.ts) with the driving licence also held as an ISO
 * mdoc: issued by @owf/mdoc under a P-384 IACA (support/mdoc-fixture.ts) that the trust list names
 * for the DVLA and the mDL doctype, stored as the vault stores it (base64url IssuerSigned), its
 * device key in the vault. Runs in Node and Chromium.
 */
import type { World } from '../../support/share-fixtures';
import { DVLA, NOW } from '../../support/share-fixtures';
import { issueMdocLicence, MDL_DOCTYPE, type MdocLicence, type MdocLicenceOptions } from '../../support/mdoc-fixture';

export { MDL_DOCTYPE, MDL_NAMESPACE } from '../../support/mdoc-fixture';

/** Adds an mdoc licence (id `mdl` unless named) to the world's vault and its IACA to the DVLA's trust list entry. */
export async function addMdocLicence(world: World, id = 'mdl', options: MdocLicenceOptions = {}): Promise<MdocLicence> {
  const licence = await issueMdocLicence(options);
  world.vault.credentials.push({ id, raw: licence.raw, format: 'mso_mdoc', issuerName: DVLA, type: MDL_DOCTYPE, receivedAt: NOW.toISOString() });
  world.vault.keys.set(id, licence.holder.privateKey);
  world.trustList = {
    ...world.trustList,
    issuers: world.trustList.issuers.map((issuer) => (issuer.id === DVLA ? { ...issuer, types: [...(issuer.types ?? []), MDL_DOCTYPE], iaca: [...(issuer.iaca ?? []), ...licence.iaca] } : issuer)),
  };
  return licence;
}

/** Leaves the world's SD-JWT licence out, so the mdoc is the only licence held. */
export function withoutSdJwtLicence(world: World): void {
  const at = world.vault.credentials.findIndex((c) => c.id === 'licence');
  if (at >= 0) world.vault.credentials.splice(at, 1);
}
