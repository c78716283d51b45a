import { hash } from "node:crypto";

/**
 * Hashing on node:crypto. The work is synchronous; it is wrapped in promises
 * only to share one interface with the Web Crypto back-end. `hash()` is the
 * one-shot digest (Node 20.12+), a third of the cost of a Hash object.
 */
export function sha256Hex(data: Uint8Array | string): Promise<string> {
  return Promise.resolve(hash("sha256", data, "hex"));
}

export function hmacSha256Hex(key: string, data: string): Promise<string> {
  return prepareHmacSha256Hex(key)(data);
}

const BLOCK_BYTES = 64;

/**
 * HMAC-SHA256 under `key` (RFC 2104) as two one-shot digests over the key's
 * inner and outer blocks, which are made here once: `createHmac` makes a key
 * object on every call, which cost 4-9 µs a signed call.
 */
export function prepareHmacSha256Hex(key: string): (data: string) => Promise<string> {
  const given = Buffer.from(key, "utf8");
  const block = Buffer.alloc(BLOCK_BYTES);
  (given.length > BLOCK_BYTES ? hash("sha256", given, "buffer") : given).copy(block);
  const inner = Buffer.from(block.map((byte) => byte ^ 0x36));
  const outer = Buffer.from(block.map((byte) => byte ^ 0x5c));
  return (data) => {
    const innerDigest = hash("sha256", Buffer.concat([inner, Buffer.from(data, "utf8")]), "buffer");
    return Promise.resolve(hash("sha256", Buffer.concat([outer, innerDigest]), "hex"));
  };
}
