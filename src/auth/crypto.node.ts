import { createHash, createHmac } from "node:crypto";

/**
 * Hashing on node:crypto. The work is synchronous; it is wrapped in promises
 * only to share one interface with the Web Crypto back-end.
 */
export function sha256Hex(data: Uint8Array | string): Promise<string> {
  return Promise.resolve(createHash("sha256").update(data).digest("hex"));
}

export function hmacSha256Hex(key: string, data: string): Promise<string> {
  return Promise.resolve(createHmac("sha256", key).update(data).digest("hex"));
}
