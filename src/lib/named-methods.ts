/**
 * An object whose every string-named property is a function made once by `make(name)` and then
 * reused (so it compares equal, and can be a hook dependency). It is not a thenable — `await obj`
 * must not call a forwarded `then` — and has no symbol-keyed protocols. The lazy proxy and the
 * crypto worker's handles are built on it.
 */
export function namedMethods<T extends object>(make: (name: string) => unknown): T {
  const made = new Map<string, unknown>();
  return new Proxy({} as T, {
    get(_, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (!made.has(name)) made.set(name, make(name));
      return made.get(name);
    },
  });
}
