/**
 * Hashing on Web Crypto (`crypto.subtle`), for browsers, Deno, Bun and
 * workers: no Node built-in is imported here.
 */

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", toBufferSource(data)));
}

export function hmacSha256Hex(key: string, data: string): Promise<string> {
  return prepareHmacSha256Hex(key)(data);
}

/** HMAC-SHA256 under `key`, imported at its first use and then reused. */
export function prepareHmacSha256Hex(key: string): (data: string) => Promise<string> {
  let cryptoKey: Promise<CryptoKey> | undefined;
  return async (data) => {
    cryptoKey ??= crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return toHex(await crypto.subtle.sign("HMAC", await cryptoKey, encoder.encode(data)));
  };
}

/** Web Crypto refuses views on a SharedArrayBuffer, so only those are copied. */
function toBufferSource(data: Uint8Array | string): Uint8Array<ArrayBuffer> {
  if (typeof data === "string") return encoder.encode(data);
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

function toHex(buffer: ArrayBuffer): string {
  let out = "";
  for (const byte of new Uint8Array(buffer)) out += HEX[byte];
  return out;
}
