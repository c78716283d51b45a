/**
 * Through a corporate proxy: the Node transport honours HTTPS_PROXY,
 * HTTP_PROXY and NO_PROXY, a `proxy` option overrides them, https goes
 * through a CONNECT tunnel, proxy credentials never show in errors, and a
 * `ca` option adds trust roots. A loopback proxy and a loopback TLS server
 * with their own certificate stand in for the real ones.
 */
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, createClient } from "../../src/index.ts";
import { MOCK_AK, MOCK_SK, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { type LoopbackServer, startServer } from "../helpers/loopback-server.ts";
import { selfSignedCertificate } from "./tls-certificate.ts";

interface Proxy {
  url: string;
  /** What reached it: `GET http://...` for forwarded requests, `CONNECT host:port` for tunnels. */
  seen: string[];
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

/** A forwarding and tunnelling HTTP proxy on loopback; with `refuse`, it answers that status (407 when true) to everything. */
async function startProxy(options: { refuse?: boolean | 407 | 502 } = {}): Promise<Proxy> {
  const refusal = options.refuse === true ? 407 : options.refuse;
  const seen: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const server = await startServer((incoming, outgoing) => {
    seen.push(`${incoming.method} ${incoming.url}`);
    authorizations.push(incoming.headers["proxy-authorization"]);
    if (refusal) return void outgoing.writeHead(refusal, { "Proxy-Authenticate": "Basic" }).end();
    // Every name resolves to loopback here, as a proxy on a real network would resolve it to its host.
    const target = new URL(incoming.url);
    target.hostname = "127.0.0.1";
    const forwarded = httpRequest(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.end(incoming.body);
  });
  server.http.on("connect", (incoming, socket, head) => {
    seen.push(`CONNECT ${incoming.url}`);
    authorizations.push(incoming.headers["proxy-authorization"]);
    if (refusal) return void socket.end(`HTTP/1.1 ${refusal} Refused\r\n\r\n`);
    const [host, port] = incoming.url!.split(":");
    const upstream = connect(Number(port), host!, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  return { url: server.origin, seen, authorizations, close: server.close };
}

let cloud: MockCloud;
let proxy: Proxy;
beforeAll(async () => {
  cloud = await startMockCloud();
  proxy = await startProxy();
});
afterAll(async () => {
  await cloud.close();
  await proxy.close();
});
beforeEach(() => {
  for (const name of ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"]) vi.stubEnv(name, "");
  proxy.seen.length = 0;
  proxy.authorizations.length = 0;
});
afterEach(() => vi.unstubAllEnvs());

const rename = (client: ReturnType<typeof createClient>, name: string) =>
  client.vpc.updateVpcPeering({ ...cloud.resources.UpdateVpcPeering, body: { peering: { name } } });

/**
 * The mock under a name only the proxy resolves (to loopback): plain http to a
 * loopback endpoint never goes through a proxy.
 */
const namedEndpoint = () => `http://vpc.example.test:${new URL(cloud.url).port}`;
const namedClient = (options: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: { vpc: namedEndpoint() }, allowInsecureHttp: true, retry: { maxAttempts: 1 }, ...options });

describe("the environment's proxy", () => {
  it("HTTP_PROXY carries plain http requests, signed as usual", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    expect((await rename(namedClient(), "via-proxy")).peering.name).toBe("via-proxy");
    expect(proxy.seen).toEqual([`PUT ${namedEndpoint()}/v2.0/vpc/peerings/${cloud.resources.UpdateVpcPeering.peering_id}`]);
    expect(cloud.requests.at(-1)).toMatchObject({ status: 200, auth: { ok: true, scheme: "aksk" } });
  });

  it.each([
    ["HTTP_PROXY", () => (vi.stubEnv("HTTP_PROXY", proxy.url), {})],
    ["the proxy option", () => ({ proxy: proxy.url })],
  ])("a plain-http loopback endpoint goes direct whatever %s says: through a proxy on another host it would travel in clear, to that host's loopback", async (_, proxyOptions) => {
    const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: cloud.endpoints, ...proxyOptions() });
    expect((await rename(client, "loopback-direct")).peering.name).toBe("loopback-direct");
    expect(proxy.seen).toEqual([]);
    expect(cloud.requests.at(-1)).toMatchObject({ status: 200, auth: { ok: true, scheme: "aksk" } });
  });

  it.each([
    ["the host", () => "vpc.example.test"],
    ["the host and port", () => `vpc.example.test:${new URL(cloud.url).port}`],
    ["*", () => "*"],
  ])("NO_PROXY naming %s goes direct", async (_, noProxy) => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    vi.stubEnv("NO_PROXY", noProxy());
    // Direct means this machine resolves the name itself, and it cannot.
    expect(await rename(namedClient(), "direct").catch((error: unknown) => error)).toBeInstanceOf(ConnectionError);
    expect(proxy.seen).toEqual([]);
  });

  it.each([
    ["example.test", "direct"],
    [".example.test", "direct"],
    ["ample.test", "proxied"],
    ["other.test,vpc.example.test:1", "proxied"],
  ])("NO_PROXY %s: vpc.example.test goes %s (domain suffixes match on a dot, ports must agree)", async (noProxy, way) => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    vi.stubEnv("NO_PROXY", noProxy);
    const endpoint = `http://vpc.example.test:${new URL(cloud.url).port}`;
    const client = createClient({ credentials: { ak: MOCK_AK, sk: MOCK_SK }, endpoints: { vpc: endpoint }, allowInsecureHttp: true, retry: { maxAttempts: 1 } });
    const outcome = await rename(client, "suffix").then(
      () => "answered",
      (error: unknown) => error,
    );
    if (way === "proxied") {
      expect(outcome).toBe("answered");
      expect(proxy.seen).toHaveLength(1);
    } else {
      // Direct means this machine resolves the name itself, and it cannot.
      expect(outcome).toBeInstanceOf(ConnectionError);
      expect(proxy.seen).toEqual([]);
    }
  });

  it("proxy: false ignores the environment", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    expect(await rename(namedClient({ proxy: false }), "no-proxy").catch((error: unknown) => error)).toBeInstanceOf(ConnectionError);
    expect(proxy.seen).toEqual([]);
  });
});

describe("the proxy option", () => {
  it("sends the proxy's credentials to the proxy only, as Proxy-Authorization", async () => {
    const withUser = new URL(proxy.url);
    withUser.username = "corp-user";
    withUser.password = "proxy-PASSWORD";
    await rename(namedClient({ proxy: withUser.href }), "with-auth");
    expect(proxy.authorizations).toEqual([`Basic ${Buffer.from("corp-user:proxy-PASSWORD").toString("base64")}`]);
    expect(JSON.stringify(cloud.requests.at(-1))).not.toContain("proxy-PASSWORD");
  });

  it("a proxy refusing the client is a typed ConnectionError that quotes none of the proxy's credentials", async () => {
    const refusing = await startProxy({ refuse: true });
    try {
      const url = new URL(refusing.url);
      url.username = "corp-user";
      url.password = "proxy-PASSWORD";
      const server = await tlsServer();
      try {
        const client = createClient({ credentials: { token: "t" }, endpoints: { vpc: server.origin }, proxy: url.href, ca: selfSignedCertificate().cert, retry: { maxAttempts: 1 } });
        const error = await rename(client, "x").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConnectionError);
        expect(`${(error as Error).message} ${inspect(error, { depth: 10 })}`).not.toContain("proxy-PASSWORD");
        expect(refusing.seen).toEqual([`CONNECT 127.0.0.1:${new URL(server.origin).port}`]);
      } finally {
        await server.close();
      }
    } finally {
      await refusing.close();
    }
  });

  it.each([
    [407, "is not retried: the same credentials would be refused again", 1],
    [502, "is retried: a proxy's gateway error may pass", 2],
  ])("a proxy refusing a tunnel with %i: the request never left, the message names the status, and it %s", async (status, _, attempts) => {
    const refusing = await startProxy({ refuse: status as 407 | 502 });
    try {
      const client = createClient({ credentials: { token: "t" }, endpoints: { vpc: "https://127.0.0.1:9" }, proxy: refusing.url, retry: { maxAttempts: 2, baseDelayMs: 1 } });
      const error = await rename(client, "x").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: false, retryable: status !== 407, attempts });
      expect((error as Error).message).toContain(`the proxy refused to open a tunnel (${status})`);
      expect(refusing.seen).toHaveLength(attempts);
    } finally {
      await refusing.close();
    }
  });

  it("a proxy that drops the connection when asked for a tunnel fails each attempt at once, asked once an attempt, and the request never left", async () => {
    const connects: string[] = [];
    const dropping = await startServer(() => {});
    dropping.http.on("connect", (incoming, socket) => {
      connects.push(`CONNECT ${incoming.url}`);
      socket.destroy();
    });
    try {
      const client = createClient({
        credentials: { token: "t" },
        endpoints: { vpc: "https://127.0.0.1:9" },
        proxy: dropping.origin,
        timeout: 5000,
        retry: { maxAttempts: 2, baseDelayMs: 1 },
      });
      const started = Date.now();
      const error = await rename(client, "x").catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ requestSent: false, attempts: 2 });
      expect(connects).toEqual(["CONNECT 127.0.0.1:9", "CONNECT 127.0.0.1:9"]);
    } finally {
      await dropping.close();
    }
  });

  it("is refused by createClient when it is not an http(s) URL, quoting none of it", () => {
    expect(() => createClient({ credentials: { token: "t" }, proxy: "socks5://user:SECRET@host:1080" })).toThrow(/proxy must be an http/);
    expect(() => createClient({ credentials: { token: "t" }, proxy: "socks5://user:SECRET@host:1080" })).not.toThrow(/SECRET/);
  });
});

/** A loopback https server with its own self-signed certificate, answering every request with a peering. */
function tlsServer(): Promise<LoopbackServer> {
  return startServer(
    (_, outgoing) => void outgoing.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ peering: { name: "over-tls" } })),
    { tls: selfSignedCertificate() },
  );
}

describe("https and trust roots", () => {
  it("tunnels https through CONNECT, trusting the server by the ca option", async () => {
    const server = await tlsServer();
    try {
      vi.stubEnv("HTTPS_PROXY", proxy.url);
      const client = createClient({ credentials: { token: "t" }, endpoints: { vpc: server.origin }, ca: selfSignedCertificate().cert });
      expect((await client.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "x" } } })).peering.name).toBe("over-tls");
      expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${new URL(server.origin).port}`]);
    } finally {
      await server.close();
    }
  });

  it("trusts a server by the ca option on the direct path too, and fails typed, once, without it", async () => {
    const server = await tlsServer();
    try {
      const trusting = createClient({ credentials: { token: "t" }, endpoints: { vpc: server.origin }, ca: [selfSignedCertificate().cert] });
      expect((await trusting.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "x" } } })).peering.name).toBe("over-tls");
      const distrusting = createClient({ credentials: { token: "t" }, endpoints: { vpc: server.origin } });
      const error = await distrusting.vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "x" } } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ retryable: false, attempts: 1 });
    } finally {
      await server.close();
    }
  });
});
