/**
 * The ECS metadata provider against a loopback stand-in for the metadata
 * service at 169.254.169.254, which is never contacted.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { cachedCredentials } from "../../src/credentials/cached.ts";
import { createClient } from "../../src/index.ts";
import { DEFAULT_METADATA_URL, fromEcsMetadata } from "../../src/credentials/metadata.ts";
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "../../src/errors.ts";
import type { Handler } from "../helpers/loopback-server.ts";
import { useServers } from "../helpers/use-loopback.ts";
import { rejectionOf } from "../helpers/thrown.ts";

const SECRET = "metadata-secret-do-not-print";
const SECURITY_TOKEN = "metadata-security-token-do-not-print";
/** The answer's shape and time format as Huawei documents them. */
const SECURITY_KEY = {
  credential: {
    access: "TEMPACCESSKEY0000001",
    secret: SECRET,
    securitytoken: SECURITY_TOKEN,
    expires_at: "2026-11-27T18:41:41.580000Z",
  },
};

/** A loopback metadata service for one test: its handler answers, `received` records. */
const metadataService = useServers();

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "Content-Type": "application/json" }).end(typeof body === "string" ? body : JSON.stringify(body));
}

/** Hands out tokens token-1, token-2, ... and accepts only the latest one. */
function tokenService(answer: Handler = (_, r) => json(r, 200, SECURITY_KEY)): Handler {
  let issued = 0;
  return (request, response) => {
    if (request.method === "PUT" && request.url === "/meta-data/latest/api/token") {
      response.end(`token-${++issued}`);
    } else if (request.method === "GET" && request.url === "/openstack/latest/securitykey") {
      if (request.headers["x-metadata-token"] !== `token-${issued}`) json(response, 401, "token expired");
      else answer(request, response);
    } else {
      json(response, 404, "no such path");
    }
  };
}

describe("fromEcsMetadata", () => {
  it("follows no redirect, so its session token never reaches another origin", async () => {
    const elsewhere = await metadataService((_, response) => json(response, 200, SECURITY_KEY));
    const service = await metadataService(
      tokenService((_, response) => void response.writeHead(307, { Location: `${elsewhere.origin}/openstack/latest/securitykey` }).end()),
    );
    const error = await rejectionOf(fromEcsMetadata({ baseUrl: service.origin })());
    expect(error).toMatchObject({ status: 307 });
    expect(elsewhere.received).toEqual([]);
  });

  it("asks for a session token, then GETs /openstack/latest/securitykey with it, and maps the answer", async () => {
    const service = await metadataService(tokenService());
    const credentials = await fromEcsMetadata({ baseUrl: service.origin })();
    expect(credentials).toEqual({
      ak: "TEMPACCESSKEY0000001",
      sk: SECRET,
      securityToken: SECURITY_TOKEN,
      expiresAt: new Date("2026-11-27T18:41:41.580Z"),
    });
    expect(service.received.map((r) => [r.method, r.url])).toEqual([
      ["PUT", "/meta-data/latest/api/token"],
      ["GET", "/openstack/latest/securitykey"],
    ]);
    expect(service.received[0]!.headers["x-metadata-token-ttl-seconds"]).toBe("21600");
    expect(service.received[1]!.headers["x-metadata-token"]).toBe("token-1");
  });

  it("keeps its session token across calls, and takes a new one once when refused with 401", async () => {
    const service = await metadataService(tokenService());
    const provider = fromEcsMetadata({ baseUrl: service.origin });
    await provider();
    await provider();
    expect(service.received.filter((r) => r.method === "PUT")).toHaveLength(1);
    // Another client took a newer token, so ours is refused once.
    await fetch(`${service.origin}/meta-data/latest/api/token`, { method: "PUT" });
    expect(await provider()).toMatchObject({ ak: "TEMPACCESSKEY0000001" });
    expect(service.received.slice(-3).map((r) => [r.method, r.headers["x-metadata-token"]])).toEqual([
      ["GET", "token-1"],
      ["PUT", undefined],
      ["GET", "token-3"],
    ]);
  });

  it("asks without a token when the service has none (404 or 405 to the token request)", async () => {
    for (const status of [404, 405]) {
      const service = await metadataService((request, response) => {
        if (request.method === "PUT") json(response, status, "not here");
        else json(response, 200, SECURITY_KEY);
      });
      expect(await fromEcsMetadata({ baseUrl: service.origin })()).toMatchObject({ ak: "TEMPACCESSKEY0000001" });
      expect(service.received[1]!.headers).not.toHaveProperty("x-metadata-token");
    }
  });

  it("appends its paths to a base URL that has one", async () => {
    const service = await metadataService((request, response) =>
      request.url!.startsWith("/metadata/") ? json(response, request.method === "PUT" ? 404 : 200, SECURITY_KEY) : json(response, 404, ""),
    );
    await fromEcsMetadata({ baseUrl: `${service.origin}/metadata/` })();
    expect(service.received.map((r) => r.url)).toEqual(["/metadata/meta-data/latest/api/token", "/metadata/openstack/latest/securitykey"]);
  });

  it("reports an instance without an agency as the typed 401, without asking for a new token", async () => {
    const noAgency = { error: { message: "Please configure Cloud Service Agency first", code: 401 } };
    const service = await metadataService(tokenService((_, response) => json(response, 401, noAgency)));
    const error = await rejectionOf(fromEcsMetadata({ baseUrl: service.origin })(), AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.message).toContain("Please configure Cloud Service Agency first");
    expect(error.operation).toBe("ECS metadata securitykey");
    expect(service.received.filter((r) => r.method === "PUT")).toHaveLength(1);
  });

  it("reports a server error as ServerError", async () => {
    const service = await metadataService((_, response) => json(response, 503, { error_code: "META.0503", error_msg: "busy" }));
    const error = await rejectionOf(fromEcsMetadata({ baseUrl: service.origin })(), ServerError);
    expect(error).toMatchObject({ status: 503, code: "META.0503", operation: "ECS metadata token" });
  });

  it("refuses an answer that is not the documented shape, quoting none of it", async () => {
    const answers = [
      "not json " + SECRET,
      { credentials: SECURITY_KEY.credential },
      { credential: { ...SECURITY_KEY.credential, secret: "" } },
      { credential: { ...SECURITY_KEY.credential, expires_at: undefined } },
      { credential: { ...SECURITY_KEY.credential, expires_at: "when it rains" } },
    ];
    for (const answer of answers) {
      const service = await metadataService((request, response) =>
        request.method === "PUT" ? json(response, 404, "") : json(response, 200, answer),
      );
      const error = await rejectionOf(fromEcsMetadata({ baseUrl: service.origin })(), ValidationError);
      expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/do-not-print/);
    }
  });

  it("gives up after timeoutMs with TimeoutError when the service does not answer", async () => {
    const service = await metadataService(() => {
      // Never answers.
    });
    const started = performance.now();
    const error = await rejectionOf(fromEcsMetadata({ baseUrl: service.origin, timeoutMs: 200 })(), TimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.message).toBe("ECS metadata gave no answer within 200 ms");
  });

  it("stops with AbortError when the caller's signal fires", async () => {
    const service = await metadataService(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = fromEcsMetadata({ baseUrl: service.origin })(controller.signal);
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    const error = await rejectionOf(pending, AbortError);
    expect((error.cause as Error).message).toBe("shutting down");
  });

  it("reports a service that cannot be reached as ConnectionError", async () => {
    const service = await metadataService(() => undefined);
    await service.close();
    const error = await rejectionOf(fromEcsMetadata({ baseUrl: service.origin })(), ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(`ECS metadata could not be reached at ${service.origin}`);
  });

  it("checks its options when made, and by default names the link-local metadata address", () => {
    expect(DEFAULT_METADATA_URL).toBe("http://169.254.169.254");
    expect(() => fromEcsMetadata({ baseUrl: "ftp://127.0.0.1" })).toThrow(ValidationError);
    expect(() => fromEcsMetadata({ baseUrl: "not a url" })).toThrow(ValidationError);
    expect(() => fromEcsMetadata({ timeoutMs: 0 })).toThrow(ValidationError);
  });

  it("behind cachedCredentials, concurrent first calls share one lookup and later calls reuse it", async () => {
    const service = await metadataService(tokenService());
    const provider = cachedCredentials(fromEcsMetadata({ baseUrl: service.origin }), { now: () => Date.parse("2026-11-27T12:00:00Z") });
    const results = await Promise.all(Array.from({ length: 10 }, () => provider()));
    expect(new Set(results.map((r) => r.ak))).toEqual(new Set(["TEMPACCESSKEY0000001"]));
    await provider();
    expect(service.received.filter((r) => r.url === "/openstack/latest/securitykey")).toHaveLength(1);
  });

  it("in a client, a call that is not idempotent is sent again when the lookup failed, since it was never sent", async () => {
    let lookups = 0;
    const service = await metadataService((request, response) => {
      if (request.method === "PUT") return json(response, 404, "");
      // The first lookup's connection drops: the DWS request it was for never left.
      if (++lookups === 1) return void request.socket.destroy();
      json(response, 200, SECURITY_KEY);
    });
    const dws = await metadataService((_, response) => json(response, 200, { job_id: "job-1" }));
    const client = createClient({
      credentials: fromEcsMetadata({ baseUrl: service.origin }),
      projectId: "p1",
      endpoints: { dws: dws.origin },
      retry: { baseDelayMs: 1 },
    });
    const answer = await client.dws.updateDataSource({ cluster_id: "c1", ext_data_source_id: "d1", body: { reconfigure: { reboot: false } } });
    expect(answer).toEqual({ job_id: "job-1" });
    expect(lookups).toBe(2);
    expect(dws.received).toHaveLength(1);
  });

  it.each([503, 500, 429])("in a client, a call is sent again after the metadata service answered %i, since it was never sent", async (status) => {
    let lookups = 0;
    const service = await metadataService((request, response) => {
      if (request.method === "PUT") return json(response, 404, "");
      if (++lookups === 1) return json(response, status, { error_code: "META.0001", error_msg: "busy" });
      json(response, 200, SECURITY_KEY);
    });
    const dws = await metadataService((_, response) => json(response, 200, { job_id: "job-1" }));
    const retried: unknown[] = [];
    const client = createClient({
      credentials: fromEcsMetadata({ baseUrl: service.origin }),
      projectId: "p1",
      endpoints: { dws: dws.origin },
      retry: { baseDelayMs: 1, onRetry: (event) => retried.push(event.error) },
    });
    const answer = await client.dws.updateDataSource({ cluster_id: "c1", ext_data_source_id: "d1", body: { reconfigure: { reboot: false } } });
    expect(answer).toEqual({ job_id: "job-1" });
    expect(lookups).toBe(2);
    expect(retried).toEqual([expect.objectContaining({ status, operation: "ECS metadata securitykey" })]);
    expect(dws.received).toHaveLength(1);
  });

  it("in a client, a refusal of the metadata service that another try cannot mend ends the call at once", async () => {
    const service = await metadataService((request, response) => {
      if (request.method === "PUT") return json(response, 404, "");
      json(response, 403, { error_code: "META.0403", error_msg: "forbidden" });
    });
    const client = createClient({ credentials: fromEcsMetadata({ baseUrl: service.origin }), projectId: "p1", endpoints: { dws: service.origin }, retry: { baseDelayMs: 1 } });
    const error = await client.dws.updateDataSource({ cluster_id: "c1", ext_data_source_id: "d1", body: { reconfigure: { reboot: false } } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, attempts: 1 });
    expect(service.received.filter((r) => r.url === "/openstack/latest/securitykey")).toHaveLength(1);
  });
});
