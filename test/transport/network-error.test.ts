/** Which low-level failures are network failures, and what each tells the retry policy. */
import { describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../src/errors.ts";
import { isDecodingFailure, toConnectionError } from "../../src/transport/network-error.ts";
import { requestTo } from "./transport-contract.ts";

const request = requestTo("https://vpc.example.test:8443/v1/x");
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
/** fetch's way: a TypeError whose cause carries the code. */
const viaFetch = (code: string) => new TypeError("fetch failed", { cause: coded(code) });

describe("toConnectionError", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL"])(
    "%s: the request never left, so even an operation that is not idempotent may be sent again",
    (code) => {
      for (const error of [coded(code), viaFetch(code)]) {
        expect(toConnectionError(error, request)).toMatchObject({ requestSent: false, retryable: true, message: `connection to vpc.example.test:8443 failed: ${code}` });
      }
    },
  );

  it.each(["ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "ERR_STREAM_PREMATURE_CLOSE", "UND_ERR_SOCKET", "HPE_INVALID_STATUS", "HPE_HEADER_OVERFLOW"])(
    "%s: the request may have left, so it is retried only when idempotent",
    (code) => {
      const error = toConnectionError(viaFetch(code), request);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ requestSent: true, retryable: true });
    },
  );

  it.each(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "CERT_HAS_EXPIRED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID"])(
    "%s: an untrusted certificate is never worth another attempt, and names its code",
    (code) => {
      const error = toConnectionError(viaFetch(code), request);
      expect(error).toMatchObject({ retryable: false, requestSent: false });
      expect(error?.message).toContain(code);
    },
  );

  it.each(["EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", "ERR_TLS_HANDSHAKE_TIMEOUT"])(
    "%s: TLS could not be set up, which is never worth another attempt either, and names its code",
    (code) => {
      const error = toConnectionError(viaFetch(code), request);
      expect(error).toMatchObject({ retryable: false, requestSent: false, message: `connection to vpc.example.test:8443 failed: TLS could not be set up (${code})` });
    },
  );

  it.each(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"])("%s is a TimeoutError", (code) => {
    expect(toConnectionError(viaFetch(code), request)).toBeInstanceOf(TimeoutError);
  });

  it("takes the error that carries the code as the cause, so both transports give the same one", () => {
    const failure = viaFetch("ECONNRESET");
    expect(toConnectionError(failure, request)?.cause).toBe(failure.cause);
    const direct = coded("ECONNRESET");
    expect(toConnectionError(direct, request)?.cause).toBe(direct);
  });

  it("names the operation and the host, never a header", () => {
    const error = toConnectionError(coded("ECONNREFUSED"), requestTo("http://127.0.0.1:1/", { headers: { "x-auth-token": "secret-token" } }));
    expect(error).toMatchObject({ operation: "UpdateVpcPeering" });
    expect(JSON.stringify(error)).not.toContain("secret-token");
  });

  it("passes a ConnectionError through as it is", () => {
    const typed = new ConnectionError("already typed");
    expect(toConnectionError(typed, request)).toBe(typed);
  });

  it("is undefined for what is no network failure: a bug, an unknown code, a string", () => {
    for (const error of [new TypeError("cannot read properties of undefined"), coded("ERR_SOMETHING_ELSE"), new RangeError("bad"), "boom", undefined]) {
      expect(toConnectionError(error, request)).toBeUndefined();
    }
  });

  it("takes any TypeError for a network failure only when asked to, as fetch throws nothing else for one", () => {
    const bare = new TypeError("Failed to fetch");
    expect(toConnectionError(bare, request)).toBeUndefined();
    expect(toConnectionError(bare, request, { anyTypeError: true })).toMatchObject({ requestSent: true, message: "connection to vpc.example.test:8443 failed: Failed to fetch" });
  });
});

/**
 * Deno's fetch gives no codes: its errors are Rust's messages, the URL in
 * them. A failure to connect says `client error (Connect)`, from the TCP
 * connect, the name lookup or the TLS handshake (rustls), all before any byte
 * of the request left. These are the messages Deno 2 gives.
 */
describe("toConnectionError on Deno's fetch errors", () => {
  const viaDeno = (detail: string) =>
    new TypeError("error sending request", { cause: new Error(`error sending request for url (https://vpc.example.test:8443/v1/x?name=a): client error (Connect): ${detail}`) });

  it.each(["tcp connect error: Connection refused (os error 111)", "dns error: failed to lookup address information: Name or service not known"])(
    "%s: the request never left, so even an operation that is not idempotent may be sent again",
    (detail) => {
      expect(toConnectionError(viaDeno(detail), request, { anyTypeError: true })).toMatchObject({
        requestSent: false,
        retryable: true,
        message: `connection to vpc.example.test:8443 failed: ${detail}`,
      });
    },
  );

  it("an untrusted certificate is not retried, as on Node", () => {
    const error = toConnectionError(viaDeno("invalid peer certificate: UnknownIssuer"), request, { anyTypeError: true });
    expect(error).toMatchObject({
      requestSent: false,
      retryable: false,
      message: "connection to vpc.example.test:8443 failed: the server's certificate is not trusted (invalid peer certificate: UnknownIssuer)",
    });
  });

  it.each(["received corrupt message of type InvalidContentType", "peer is incompatible: Tls12NotOffered", "received fatal alert: HandshakeFailure"])(
    "%s: TLS could not be set up, which is not retried either",
    (detail) => {
      expect(toConnectionError(viaDeno(detail), request, { anyTypeError: true })).toMatchObject({
        requestSent: false,
        retryable: false,
        message: `connection to vpc.example.test:8443 failed: TLS could not be set up (${detail})`,
      });
    },
  );

  it("a request Deno's permissions forbid never left, and another attempt cannot help", () => {
    const denied = Object.assign(new Error('Requires net access to "vpc.example.test:8443", run again with the --allow-net flag'), { name: "NotCapable" });
    const error = toConnectionError(denied, request, { anyTypeError: true });
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ requestSent: false, retryable: false, cause: denied });
    expect(error?.message).toContain("--allow-net");
  });

  it("a failure after connecting may have sent the request", () => {
    const later = new TypeError("error sending request", { cause: new Error("error sending request for url (https://vpc.example.test:8443/v1/x): client error (SendRequest): connection closed before message completed") });
    expect(toConnectionError(later, request, { anyTypeError: true })).toMatchObject({ requestSent: true, retryable: true });
  });
});

describe("isDecodingFailure", () => {
  it("is true for zlib's and brotli's errors, however deep in the cause chain", () => {
    expect(isDecodingFailure(coded("Z_DATA_ERROR"))).toBe(true);
    expect(isDecodingFailure(new TypeError("terminated", { cause: coded("Z_BUF_ERROR") }))).toBe(true);
    expect(isDecodingFailure(new TypeError("terminated", { cause: coded("ERR__ERROR_FORMAT_PADDING_2") }))).toBe(true);
  });

  it("is true for Bun's decoders, which name themselves in the code", () => {
    for (const code of ["ZlibError", "BrotliDecompressionError", "ZstdDecompressionError"]) {
      expect(isDecodingFailure(new TypeError(`${code} fetching "https://vpc.example.test/"`, { cause: undefined }))).toBe(false);
      expect(isDecodingFailure(Object.assign(new TypeError(`${code} fetching "https://vpc.example.test/"`), { code }))).toBe(true);
    }
  });

  it("is true for Deno's decoders, which give a bare message, only for a body that came encoded", () => {
    for (const message of ["Invalid gzip header", "corrupt deflate stream", "brotli error", "unexpected end of file"]) {
      expect(isDecodingFailure(new TypeError(message), { encoded: true })).toBe(true);
      expect(isDecodingFailure(new TypeError(message))).toBe(false);
    }
    expect(isDecodingFailure(new TypeError("error reading a body from connection"), { encoded: true })).toBe(false);
  });

  it("is false for network failures and uncoded errors", () => {
    expect(isDecodingFailure(viaFetch("ECONNRESET"))).toBe(false);
    expect(isDecodingFailure(new TypeError("terminated"))).toBe(false);
    expect(isDecodingFailure(undefined)).toBe(false);
  });
});
