/**
 * An object that stands in for one loaded later (a dynamic `import()`), so a large module stays out
 * of the entry bundle until first use. Every method that returns a promise is forwarded generically —
 * same name, every argument, the loaded object as `this` — so a method added to the interface needs
 * no code here and no argument can be dropped on the way. Methods that answer synchronously (a
 * subscription, a "forget now") cannot wait for the load: the type makes the caller say what each
 * does, given the object if it is loaded already.
 */
import { namedMethods } from './named-methods';

/** Keys of T that are not methods returning a promise: each needs its own stand-in. */
export type SyncKeys<T> = {
  // `infer` so that any parameter list matches (rest tuples included, which `never[]` would not).
  [K in keyof T]-?: T[K] extends (...args: infer _Args) => Promise<unknown> ? never : K;
}[keyof T];

export interface Loading<T> {
  /** The loaded object, or undefined while nothing has asked for it or it is still loading. */
  readonly current: T | undefined;
  /** Starts the load (once) and resolves to the object. */
  load(): Promise<T>;
}

export type SyncStandIns<T> = { [K in SyncKeys<T>]: (loading: Loading<T>) => T[K] };

/**
 * `load` runs once, on the first call of any forwarded method (or `loading.load()`); its promise,
 * failed or not, is shared by every later call, as a module import is.
 */
export function lazyProxy<T extends object>(load: () => Promise<T>, sync: SyncStandIns<T>): T {
  let loadingPromise: Promise<T> | undefined;
  let current: T | undefined;
  const loading: Loading<T> = {
    get current() { return current; },
    load: () => (loadingPromise ??= load().then((loaded) => (current = loaded))),
  };
  return namedMethods<T>((name) => {
    if (Object.prototype.hasOwnProperty.call(sync, name)) return (sync as Record<string, (l: Loading<T>) => unknown>)[name]!(loading);
    return async (...args: unknown[]) => {
      const target = await loading.load();
      const method = (target as Record<string, unknown>)[name];
      if (typeof method !== 'function') throw new TypeError(`lazyProxy: the loaded object has no method ${name}`);
      return (method as (...a: unknown[]) => unknown).apply(target, args);
    };
  });
}
