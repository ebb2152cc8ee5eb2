/**
 * @peculiar/x509 registers its parts with tsyringe, which refuses to load unless the Reflect
 * metadata API exists. It needs only defineMetadata, getOwnMetadata and getMetadata by (key,
 * target); this gives them when nothing else has, so the reference issuers (iaca.ts), the tests and
 * the bench make IACA and Document Signer certificates without another dependency, in Node and in
 * Chromium. Import it before @peculiar/x509.
 */
type Target = object;

const store = new WeakMap<Target, Map<unknown, unknown>>();
const reflect = Reflect as unknown as Record<string, unknown>;

if (typeof reflect.getMetadata !== 'function') {
  const own = (key: unknown, target: Target) => store.get(target)?.get(key);
  reflect.defineMetadata = (key: unknown, value: unknown, target: Target) => {
    const entries = store.get(target) ?? new Map<unknown, unknown>();
    entries.set(key, value);
    store.set(target, entries);
  };
  reflect.getOwnMetadata = own;
  // Inherited metadata, as reflect-metadata reads it: the target, then its prototype chain.
  reflect.getMetadata = (key: unknown, target: Target): unknown => {
    for (let at: Target | null = target; at; at = Object.getPrototypeOf(at) as Target | null) {
      const value = own(key, at);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}

export {};
