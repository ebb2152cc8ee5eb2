/**
 * Claim paths (OpenID4VP 1.0 §7, the same rules as OpenID4VCI 1.0 Appendix C): strings select
 * object members, non-negative integers array elements, null every element of an array. The one
 * place that walks a path, for DCQL matching, presentations and the claim rows a person reads.
 */
import { hasOwn, isJsonObject } from '../lib/json-safe';

export type ClaimPathStep = string | number | null;

/** §7.1: every element `path` selects in `claims`, as a flat list (empty when it selects nothing). */
export function selectClaim(claims: unknown, path: readonly ClaimPathStep[]): unknown[] {
  let selected: unknown[] = [claims];
  for (const step of path) {
    const next: unknown[] = [];
    for (const node of selected) {
      if (typeof step === 'string') {
        if (isJsonObject(node) && hasOwn(node, step)) next.push(node[step]);
      } else if (step === null) {
        if (Array.isArray(node)) next.push(...(node as unknown[]));
      } else if (Array.isArray(node) && step < node.length) {
        next.push(node[step]);
      }
    }
    if (next.length === 0) return [];
    selected = next;
  }
  return selected;
}

/**
 * What `path` selects, keeping the shape: after a null step, an array with one entry per element
 * (undefined where the rest of the path selects nothing). Undefined when nothing is selected.
 */
export function selectShaped(value: unknown, path: readonly ClaimPathStep[]): unknown {
  let current: unknown = value;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (step === null) {
      if (!Array.isArray(current)) return undefined;
      const rest = path.slice(i + 1);
      return current.map((item) => selectShaped(item, rest));
    }
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, step)) return undefined;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}
