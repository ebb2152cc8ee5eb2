/**
 * P-256 group law in Jacobian coordinates (X, Y, Z) ↦ (X/Z², Y/Z³), curve y² = x³ − 3x + b
 * (SEC 2 §2.4.2). Formulas from the Explicit-Formulas Database (Bernstein–Lange):
 *   doubling  dbl-2001-b   (a = −3)            4M + 4S (Z3 = 2·Y1·Z1), small multiples fused
 *   mixed add madd-2007-bl (Z2 = 1)            7M + 4S
 *   add       add-2007-bl                     11M + 5S
 * The point at infinity is any point with Z = 0. The additions detect P = Q (→ doubling) and
 * P = −Q (→ infinity, via H = 0 ⇒ Z3 = 0), the cases Wycheproof's "PointDuplication" and
 * "EdgeCaseShamirMultiplication" vectors exercise. All field values are in Montgomery form.
 * Points are 96 bytes (X‖Y‖Z); affine points are 64 bytes (x‖y). Outputs may alias inputs.
 * Variable time: verification inputs are public (docs/architecture.md, convention 9).
 */
import { fadd, fsub, fmul, fsqr, fmulSmall, fcopy, fIsZero, fneg, ONE_M, fzero } from './field';

export const JAC_BYTES: usize = 96;
export const AFF_BYTES: usize = 64;

const t0 = memory.data(32, 16);
const t1 = memory.data(32, 16);
const t2 = memory.data(32, 16);
const t3 = memory.data(32, 16);
const t4 = memory.data(32, 16);
const t5 = memory.data(32, 16);
const t6 = memory.data(32, 16);
const t7 = memory.data(32, 16);
const t8 = memory.data(32, 16);
const negTmp = memory.data(64, 16);

export function pIsInfinity(p: usize): bool {
  return fIsZero(p + 64);
}

export function pSetInfinity(r: usize): void {
  fcopy(r, ONE_M);
  fcopy(r + 32, ONE_M);
  fzero(r + 64);
}

export function pCopy(r: usize, p: usize): void {
  memory.copy(r, p, JAC_BYTES);
}

/** r = affine a as a Jacobian point (Z = 1). */
export function pFromAffine(r: usize, a: usize): void {
  memory.copy(r, a, AFF_BYTES);
  fcopy(r + 64, ONE_M);
}

/** r = 2p  (dbl-2001-b, with Z3 = 2·Y1·Z1 — the same value as (Y1+Z1)² − gamma − delta). */
export function pDouble(r: usize, p: usize): void {
  const X1 = p, Y1 = p + 32, Z1 = p + 64;
  fsqr(t0, Z1);            // delta = Z1²
  fsqr(t1, Y1);            // gamma = Y1²
  fmul(t2, X1, t1);        // beta = X1·gamma
  fsub(t3, X1, t0);        // X1 − delta
  fadd(t4, X1, t0);        // X1 + delta
  fmul(t3, t3, t4);
  fmulSmall(t3, t3, 3);    // alpha = 3·(X1−delta)·(X1+delta)
  fmul(t5, Y1, Z1);        // Y1·Z1 (last read of p: r may alias it from here on)
  fmulSmall(t2, t2, 4);    // 4·beta
  fadd(t4, t2, t2);        // 8·beta
  fsqr(t6, t3);
  fsub(r, t6, t4);         // X3 = alpha² − 8·beta
  fsub(t2, t2, r);         // 4·beta − X3
  fsqr(t1, t1);
  fmulSmall(t1, t1, 8);    // 8·gamma²
  fmul(t2, t3, t2);
  fsub(r + 32, t2, t1);    // Y3 = alpha·(4·beta − X3) − 8·gamma²
  fadd(r + 64, t5, t5);    // Z3 = 2·Y1·Z1
}

/** r = p + a, a affine (never infinity)  (madd-2007-bl). */
export function pAddAffine(r: usize, p: usize, a: usize): void {
  const X1 = p, Y1 = p + 32, Z1 = p + 64, X2 = a, Y2 = a + 32;
  if (fIsZero(Z1)) { pFromAffine(r, a); return; }
  fsqr(t0, Z1);            // Z1Z1 = Z1²
  fmul(t1, X2, t0);        // U2 = X2·Z1Z1
  fmul(t2, Z1, t0);
  fmul(t2, Y2, t2);        // S2 = Y2·Z1·Z1Z1
  fsub(t3, t1, X1);        // H = U2 − X1
  fsub(t4, t2, Y1);
  fadd(t4, t4, t4);        // r = 2·(S2 − Y1)
  if (fIsZero(t3)) {
    if (fIsZero(t4)) { pDouble(r, p); return; } // P = A
    pSetInfinity(r); return;                     // P = −A
  }
  fsqr(t5, t3);            // HH = H²
  fmulSmall(t6, t5, 4);    // I = 4·HH
  fmul(t7, t3, t6);        // J = H·I
  fmul(t8, X1, t6);        // V = X1·I
  fadd(t1, Z1, t3);
  fsqr(t1, t1);
  fsub(t1, t1, t0);
  fsub(r + 64, t1, t5);    // Z3 = (Z1+H)² − Z1Z1 − HH
  fmul(t2, Y1, t7);
  fadd(t2, t2, t2);        // 2·Y1·J
  fsqr(t0, t4);
  fsub(t0, t0, t7);
  fsub(t0, t0, t8);
  fsub(r, t0, t8);         // X3 = r² − J − 2·V
  fsub(t8, t8, r);
  fmul(t8, t4, t8);
  fsub(r + 32, t8, t2);    // Y3 = r·(V − X3) − 2·Y1·J
}

/** r = p − a, a affine. */
export function pSubAffine(r: usize, p: usize, a: usize): void {
  fcopy(negTmp, a);
  fneg(negTmp + 32, a + 32);
  pAddAffine(r, p, negTmp);
}

/** r = p + q, both Jacobian  (add-2007-bl). */
export function pAdd(r: usize, p: usize, q: usize): void {
  const X1 = p, Y1 = p + 32, Z1 = p + 64, X2 = q, Y2 = q + 32, Z2 = q + 64;
  if (fIsZero(Z1)) { pCopy(r, q); return; }
  if (fIsZero(Z2)) { pCopy(r, p); return; }
  fsqr(t0, Z1);            // Z1Z1
  fsqr(t1, Z2);            // Z2Z2
  fmul(t2, X1, t1);        // U1 = X1·Z2Z2
  fmul(t3, X2, t0);        // U2 = X2·Z1Z1
  fmul(t4, Z2, t1);
  fmul(t4, Y1, t4);        // S1 = Y1·Z2·Z2Z2
  fmul(t5, Z1, t0);
  fmul(t5, Y2, t5);        // S2 = Y2·Z1·Z1Z1
  fsub(t3, t3, t2);        // H = U2 − U1
  fsub(t5, t5, t4);
  fadd(t5, t5, t5);        // r = 2·(S2 − S1)
  if (fIsZero(t3)) {
    if (fIsZero(t5)) { pDouble(r, p); return; }
    pSetInfinity(r); return;
  }
  fadd(t6, Z1, Z2);
  fsqr(t6, t6);
  fsub(t6, t6, t0);
  fsub(t6, t6, t1);
  fmul(r + 64, t6, t3);    // Z3 = ((Z1+Z2)² − Z1Z1 − Z2Z2)·H
  fadd(t6, t3, t3);
  fsqr(t6, t6);            // I = (2H)²
  fmul(t7, t3, t6);        // J = H·I
  fmul(t8, t2, t6);        // V = U1·I
  fmul(t4, t4, t7);
  fadd(t4, t4, t4);        // 2·S1·J
  fsqr(t0, t5);
  fsub(t0, t0, t7);
  fsub(t0, t0, t8);
  fsub(r, t0, t8);         // X3 = r² − J − 2V
  fsub(t8, t8, r);
  fmul(t8, t5, t8);
  fsub(r + 32, t8, t4);    // Y3 = r·(V − X3) − 2·S1·J
}

/** r = −p (Jacobian). */
export function pNeg(r: usize, p: usize): void {
  fcopy(r, p);
  fneg(r + 32, p + 32);
  fcopy(r + 64, p + 64);
}
