/**
 * An ArrayBuffer-backed Uint8Array, the kind fetch bodies and Web Crypto take:
 * `Uint8Array<ArrayBuffer>` from TypeScript 5.7 on, a plain Uint8Array before,
 * when typed arrays were not generic. Spelled as what slice() returns (always
 * ArrayBuffer-backed) so the published .d.ts compiles on both.
 */
export type Bytes = ReturnType<Uint8Array["slice"]>;
