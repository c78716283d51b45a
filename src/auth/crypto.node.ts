import { createHmac, hash } from "node:crypto";

/**
 * Hashing on node:crypto. The work is synchronous; it is wrapped in promises
 * only to share one interface with the Web Crypto back-end. `hash()` is the
 * one-shot digest (Node 20.12+), a third of the cost of a Hash object.
 */
export function sha256Hex(data: Uint8Array | string): Promise<string> {
  return Promise.resolve(hash("sha256", data, "hex"));
}

export function hmacSha256Hex(key: string, data: string): Promise<string> {
  return Promise.resolve(createHmac("sha256", key).update(data).digest("hex"));
}
