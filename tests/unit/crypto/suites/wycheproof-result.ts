/**
 * Maps a Wycheproof test's `result` to the expected boolean. Unknown results fail loudly, and
 * 'acceptable' is decided per flag here, explicitly: Satchel is strict, so every 'acceptable'
 * case it knows of is rejected. An 'acceptable' test with a flag not listed fails the run.
 */
const ACCEPTABLE_POLICY: Record<string, boolean> = {
  // DER: BER encodings (long-form lengths, leading zeros) are rejected — strict X.690 DER.
  BerEncodedSignature: false,
  MissingZero: false,
  // ECDSA: signature encodings of the wrong size are rejected (JOSE requires exactly 64 bytes).
  SignatureSize: false,
  // Ed25519: non-canonical encodings are rejected (RFC 8032 §5.1.7 step 1).
  SignatureMalleability: false,
};

export function expectedResult(test: { tcId: number; result: string; flags: string[] }): boolean {
  switch (test.result) {
    case 'valid':
      return true;
    case 'invalid':
      return false;
    case 'acceptable': {
      const decisions = test.flags.map((f) => {
        const d = ACCEPTABLE_POLICY[f];
        if (d === undefined) throw new Error(`tcId ${test.tcId}: 'acceptable' with undecided flag ${f}`);
        return d;
      });
      if (decisions.length === 0) throw new Error(`tcId ${test.tcId}: 'acceptable' without flags`);
      return decisions.every(Boolean);
    }
    default:
      throw new Error(`tcId ${test.tcId}: unknown Wycheproof result '${test.result}'`);
  }
}
