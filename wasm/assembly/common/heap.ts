/**
 * Linear-memory layout of the crypto core (no standard: a bump allocator, WebAssembly core spec
 * §4.4.7 memory.grow). The core runs with the `stub` runtime, so nothing is ever garbage collected:
 *
 *   [ static data + scratch (memory.data) | __heap_base → long-lived allocations ... | input area ]
 *
 * - `alloc(bytes)` hands out 64-byte aligned, never-freed blocks (precomputed tables, key slots).
 *   Callers that free and reuse (key slots) keep their own free lists.
 * - The input area is where JavaScript writes public keys, messages and signatures before a call.
 *   `inputReserve(bytes)` returns a pointer to at least `bytes` writable bytes; it moves (and the
 *   old area is abandoned) only when a larger one is needed, growing geometrically, so the
 *   JavaScript side must re-read the pointer (and `memory.buffer`) after every reserve.
 */

const WASM_PAGE_BYTES: usize = 65536;
const ALLOC_ALIGN: usize = 64;

let heapTop: usize = (__heap_base + ALLOC_ALIGN - 1) & ~(ALLOC_ALIGN - 1);
let inputPtr: usize = 0;
let inputCap: usize = 0;

/** Grows memory so that [0, end) is addressable. Returns false if the engine refuses. */
function ensureMemory(end: usize): bool {
  const have = <usize>memory.size() * WASM_PAGE_BYTES;
  if (end <= have) return true;
  const pages = <i32>((end - have + WASM_PAGE_BYTES - 1) / WASM_PAGE_BYTES);
  return memory.grow(pages) >= 0;
}

/** Allocates `bytes` (64-byte aligned, zero-filled on first use). Returns 0 if memory cannot grow. */
export function alloc(bytes: usize): usize {
  const ptr = heapTop;
  const end = (ptr + bytes + ALLOC_ALIGN - 1) & ~(ALLOC_ALIGN - 1);
  if (!ensureMemory(end)) return 0;
  heapTop = end;
  return ptr;
}

/** Exported: a pointer to at least `bytes` bytes the caller may write inputs into (0 if out of memory). */
export function inputReserve(bytes: usize): usize {
  if (bytes <= inputCap && inputPtr != 0) return inputPtr;
  let cap: usize = inputCap < 4096 ? 4096 : inputCap;
  while (cap < bytes) cap <<= 1;
  const ptr = alloc(cap);
  if (ptr == 0) return 0;
  inputPtr = ptr;
  inputCap = cap;
  return ptr;
}

/** Exported: the current input area (valid for `inputCapacity()` bytes). */
export function inputPointer(): usize {
  if (inputPtr == 0) inputReserve(4096);
  return inputPtr;
}

export function inputCapacity(): usize {
  return inputCap;
}
