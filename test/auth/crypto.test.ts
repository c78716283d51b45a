/**
 * The HMAC-SHA256 of both hash back-ends against node:crypto's own
 * `createHmac`, for keys shorter than, as long as and longer than the
 * 64-byte block, and a key prepared once then used for many messages.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as nodeCrypto from "../../src/auth/crypto.node.ts";
import * as webCrypto from "../../src/auth/crypto.web.ts";
import { reusingHmacKey } from "../../src/auth/signer.ts";

// An SK is never empty (createClient refuses it), and Web Crypto refuses an empty HMAC key.
const KEYS = ["k", "exampleSecretKey/with+symbols=AndDigits0123456789", "x".repeat(64), "y".repeat(65), "密钥".repeat(30)];
const MESSAGES = ["", "SDK-HMAC-SHA256\n20260102T030405Z\n" + "ab".repeat(32), "é".repeat(100)];

const expected = (key: string, data: string) => createHmac("sha256", key).update(data).digest("hex");

describe.each([
  ["node:crypto", nodeCrypto],
  ["Web Crypto", webCrypto],
])("%s", (_, hash) => {
  it.each(KEYS.map((key) => [key.length, key]))("a key of %i characters, prepared once, signs every message as createHmac does", async (_, key) => {
    const hmac = hash.prepareHmacSha256Hex(key);
    for (const data of MESSAGES) {
      expect(await hmac(data)).toBe(expected(key, data));
      expect(await hash.hmacSha256Hex(key, data)).toBe(expected(key, data));
    }
  });

  it("reusingHmacKey prepares a key once and a new one when the secret changes", async () => {
    const prepared: string[] = [];
    const reusing = reusingHmacKey({
      ...hash,
      prepareHmacSha256Hex: (key) => {
        prepared.push(key);
        return hash.prepareHmacSha256Hex(key);
      },
    });
    for (const key of ["a", "a", "b", "b", "a"]) expect(await reusing.hmacSha256Hex(key, "message")).toBe(expected(key, "message"));
    expect(prepared).toEqual(["a", "b", "a"]);
  });
});
