/** What the direct and the proxy Node transports share: answer shape and trust roots. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { rootCertificates } from "node:tls";
import { afterEach, describe, expect, it, vi } from "vitest";
import { announcesTooLarge, answerBody, hasNoBody, joinHeaders, joinRawHeaders, trustRoots } from "../../src/transport/node-answer.ts";

afterEach(() => vi.unstubAllEnvs());

describe("trustRoots", () => {
  it("leaves Node's own store alone without a ca", () => {
    expect(trustRoots(undefined)).toBeUndefined();
  });

  it("adds a ca to the system's roots and NODE_EXTRA_CA_CERTS, for both transports alike", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hwcloud-ca-"));
    try {
      const extra = path.join(dir, "extra.pem");
      await writeFile(extra, "EXTRA PEM");
      vi.stubEnv("NODE_EXTRA_CA_CERTS", extra);
      expect(trustRoots("OWN PEM")).toEqual([...rootCertificates, "EXTRA PEM", "OWN PEM"]);
      expect(trustRoots(["A", "B"])!.slice(-2)).toEqual(["A", "B"]);
      vi.stubEnv("NODE_EXTRA_CA_CERTS", path.join(dir, "missing.pem"));
      expect(trustRoots("OWN PEM")).toEqual([...rootCertificates, "OWN PEM"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("answer shape", () => {
  it("joins repeated headers into one string per name", () => {
    expect(joinHeaders({ "set-cookie": ["a=1", "b=2"], "x-request-id": "r", gone: undefined })).toEqual({ "set-cookie": "a=1, b=2", "x-request-id": "r" });
  });

  it("knows the answers that carry no body", () => {
    expect([204, 205, 304].map((status) => hasNoBody(status, "GET"))).toEqual([true, true, true]);
    expect(hasNoBody(200, "HEAD")).toBe(true);
    expect(hasNoBody(200, "GET")).toBe(false);
  });

  it("joins undici's raw header list alike, names lower-cased", () => {
    const raw = ["Set-Cookie", "a=1", "X-Request-Id", "r", "set-cookie", "b=2"].map((text) => Buffer.from(text));
    expect(joinRawHeaders(raw)).toEqual({ "set-cookie": "a=1, b=2", "x-request-id": "r" });
    expect(joinRawHeaders(null)).toEqual({});
  });

  it("finds an announced length over the cap too large", () => {
    const request = { maxResponseBytes: 10 };
    expect(announcesTooLarge(request, "11")).toBe(true);
    expect(announcesTooLarge(request, "10")).toBe(false);
    expect(announcesTooLarge(request, undefined)).toBe(false);
  });

  it("gives the chunks read as one body", () => {
    const chunks = [Buffer.from("ab"), Buffer.from("cd")];
    expect(Buffer.from(answerBody(chunks, 4)).toString()).toBe("abcd");
    expect(answerBody([chunks[0]!], 2)).toBe(chunks[0]);
  });
});
