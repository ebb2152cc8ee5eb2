/**
 * After storing credentials with known marker values, nothing readable from the origin's storage
 * (every IndexedDB database and store, Cache Storage, localStorage, sessionStorage) contains a
 * marker in any encoding: plain, UTF-16 (LE and BE), base64 or base64url at any byte alignment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpVaults, PIN, sampleCredential, testVault, uniqueDbName } from '../../support/vault-helpers';

afterEach(cleanUpVaults);

const MARKERS = {
  id: 'credential-id-Qx7Zebedee',
  given_name: 'Zebedee',
  family_name: 'Quarrington-Fairweather',
  birth_date: '1987-03-14',
  document_number: 'DOCNO-98765-XQZ',
  issuer_name: 'Marker Issuing Department Kestrel',
  type: 'Residence permit Sparrowhawk',
  activity: 'Shared with Corner Shop Plover',
  pending_offer: 'PreAuthCodeMarker-Nightjar-5521',
  record_kind: 'pending-offer-kind-Wagtail',
};

const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};
const base64 = (bytes: Uint8Array) => btoa(latin1(bytes));
const toUrl = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');

/** Every form a marker could take in a string or byte dump. */
function encodings(marker: string): string[] {
  const utf8 = new TextEncoder().encode(marker);
  const utf16le = new Uint8Array(marker.length * 2);
  const utf16be = new Uint8Array(marker.length * 2);
  for (let i = 0; i < marker.length; i++) {
    const c = marker.charCodeAt(i);
    utf16le[2 * i] = c & 0xff;
    utf16le[2 * i + 1] = c >> 8;
    utf16be[2 * i] = c >> 8;
    utf16be[2 * i + 1] = c & 0xff;
  }
  const out = [marker, marker.toLowerCase(), latin1(utf16le), latin1(utf16be)];
  // base64 of the marker inside a larger text depends on its offset mod 3: take the groups that
  // lie wholly inside the marker for each of the three offsets.
  for (const source of [utf8, utf16le]) {
    for (let offset = 0; offset < 3; offset++) {
      const padded = new Uint8Array(offset + source.length);
      padded.set(source, offset);
      let b64 = base64(padded).replace(/=+$/, '');
      if (offset > 0) b64 = b64.slice(4); // the first group mixes in bytes before the marker
      b64 = b64.slice(0, Math.floor((b64.length - 1) / 4) * 4); // and the last one bytes after it
      if (b64.length >= 8) out.push(b64, toUrl(b64));
    }
  }
  return out;
}

/** Everything reachable in a stored value, as text: strings, and bytes read as Latin-1. */
function flatten(value: unknown, out: string[], seen = new Set<unknown>()): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') return void out.push(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return void out.push(String(value));
  if (value instanceof ArrayBuffer) return void out.push(latin1(new Uint8Array(value)));
  if (ArrayBuffer.isView(value)) return void out.push(latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
  if (typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (value instanceof CryptoKey) throw new Error('A CryptoKey is stored in IndexedDB');
  for (const key of Object.keys(value)) {
    out.push(key);
    flatten((value as Record<string, unknown>)[key], out, seen);
  }
}

async function everythingStored(): Promise<{ texts: string[]; stores: string[] }> {
  const texts: string[] = [];
  const stores: string[] = [];
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    texts.push(db.name);
    for (const store of Array.from(db.objectStoreNames)) {
      stores.push(`${db.name}/${store}`);
      const tx = db.transaction(store, 'readonly');
      const [keys, values] = await Promise.all(
        [tx.objectStore(store).getAllKeys(), tx.objectStore(store).getAll()].map(
          (req) => new Promise<unknown[]>((resolve, reject) => {
            req.onsuccess = () => resolve(req.result as unknown[]);
            req.onerror = () => reject(req.error);
          }),
        ),
      );
      flatten(keys, texts);
      flatten(values, texts);
    }
    db.close();
  }
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      texts.push(request.url);
      const response = await cache.match(request);
      if (response) texts.push(latin1(new Uint8Array(await response.arrayBuffer())));
    }
  }
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      texts.push(key, storage.getItem(key) ?? '');
    }
  }
  return { texts, stores };
}

describe('nothing personal is readable at rest', () => {
  it('finds no marker in any IndexedDB store, Cache Storage, localStorage or sessionStorage', async () => {
    const name = uniqueDbName('leak');
    const vault = testVault(name);
    await vault.setUp(PIN);
    const claims = {
      given_name: MARKERS.given_name,
      family_name: MARKERS.family_name,
      birth_date: MARKERS.birth_date,
      document_number: MARKERS.document_number,
      issuer_name: MARKERS.issuer_name,
      type: MARKERS.type,
    };
    for (let i = 0; i < 3; i++) await vault.putCredential(sampleCredential(i === 0 ? MARKERS.id : `${MARKERS.id}-${i}`, claims));
    await vault.createDeviceKey(MARKERS.id);
    await vault.recordActivity({ kind: 'shared', credentialId: MARKERS.id, detail: MARKERS.activity });
    await vault.updateSettings({ autoLockMinutes: 7 });
    await vault.putRecord(MARKERS.record_kind, MARKERS.id, { preAuthorizedCode: MARKERS.pending_offer });
    const backup = await vault.exportBackup(PIN, 'backup passphrase here');
    // Cache Storage too: a cached copy of the backup file must not leak either.
    const cache = await caches.open(`${name}-cache`);
    await cache.put(new Request(`/${name}/backup.json`), new Response(backup));

    const { texts, stores } = await everythingStored();
    expect(stores).toEqual(expect.arrayContaining([`${name}/credentials`, `${name}/deviceKeys`, `${name}/activity`, `${name}/meta`, `${name}/keySlots`]));
    const haystack = texts.join('\n');

    // The scan can see: the same credential's raw form, had it been stored, would be caught.
    const visible = sampleCredential(MARKERS.id, claims).raw;
    for (const [field, marker] of Object.entries(MARKERS)) {
      const forms = encodings(marker);
      if (field in claims) expect(forms.some((f) => visible.includes(f)), `${field} detectable in the raw credential`).toBe(true);
      for (const form of forms) expect(haystack.includes(form), `${field} found at rest as ${JSON.stringify(form)}`).toBe(false);
    }
    await caches.delete(`${name}-cache`);
  });

  it('the scanner finds a marker stored in plain text (self-check)', async () => {
    localStorage.setItem('scanner-self-check', btoa(`xx${MARKERS.family_name}yy`));
    try {
      const { texts } = await everythingStored();
      const haystack = texts.join('\n');
      expect(encodings(MARKERS.family_name).some((f) => haystack.includes(f))).toBe(true);
    } finally {
      localStorage.removeItem('scanner-self-check');
    }
  });
});
