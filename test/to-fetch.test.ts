/**
 * The bridge between openapi-fetch and the layers: what a layer receives
 * must be what a real Request built from the same init would have carried.
 */
import { describe, expect, it } from "vitest";
import type { HttpRequest } from "../src/http.ts";
import { bridgeRequest, CONTEXT_KEY, toFetch } from "../src/to-fetch.ts";

const URL_TEXT = "http://127.0.0.1:9/v2.0/vpc/peerings/p%201?x=1";

/** A fetch that records the HttpRequest the layers would get. */
function recording() {
  const seen: HttpRequest[] = [];
  const fetch = toFetch(async (request) => {
    seen.push(request);
    return new Response(null, { status: 204 });
  });
  return { seen, fetch };
}

/** What the layers get when openapi-fetch builds with bridgeRequest, and when it builds a real Request. */
async function bothWays(init: RequestInit) {
  const bridged = recording();
  const real = recording();
  await bridged.fetch(new (bridgeRequest as unknown as typeof Request)(URL_TEXT, init));
  await real.fetch(new Request(URL_TEXT, init));
  const view = ({ method, url, headers, body }: HttpRequest) => ({
    method,
    url: url.href,
    headers: Object.fromEntries(headers),
    body: body === undefined ? undefined : Buffer.from(body).toString("utf8"),
  });
  return { bridged: view(bridged.seen[0]!), real: view(real.seen[0]!) };
}

describe("bridgeRequest", () => {
  it.each([
    ["a JSON body", { method: "PUT", headers: new Headers({ "content-type": "application/json" }), body: '{"name":"é"}' }],
    ["a text body with no content type", { method: "POST", headers: new Headers(), body: "plain é" }],
    ["an empty body", { method: "PUT", headers: new Headers({ "content-type": "application/json" }), body: "" }],
    ["no body", { method: "DELETE", headers: new Headers({ "x-one": "1" }) }],
    ["a form body", { method: "POST", body: new URLSearchParams({ a: "1", b: "é" }) }],
  ])("gives the layers what a Request would, for %s", async (_, init) => {
    const { bridged, real } = await bothWays(init as RequestInit);
    expect(bridged).toEqual(real);
  });

  it("keeps text and byte-free calls off the web Request, and leaves other bodies to it", () => {
    const build = bridgeRequest as unknown as new (url: string, init: RequestInit) => unknown;
    expect(new build(URL_TEXT, { method: "PUT", body: "{}" })).not.toBeInstanceOf(Request);
    expect(new build(URL_TEXT, { method: "GET" })).not.toBeInstanceOf(Request);
    expect(new build(URL_TEXT, { method: "POST", body: new Blob(["x"]) })).toBeInstanceOf(Request);
  });

  it("refuses a body on GET as a Request does", () => {
    const build = bridgeRequest as unknown as new (url: string, init: RequestInit) => unknown;
    expect(() => new build(URL_TEXT, { method: "GET", body: "x" })).toThrow(TypeError);
  });

  it("passes the caller's signal and the call's context straight through", async () => {
    const { seen, fetch } = recording();
    const controller = new AbortController();
    const context = { operation: "UpdateVpcPeering", attempts: 0 };
    const build = bridgeRequest as unknown as new (url: string, init: object) => Request;
    await fetch(new build(URL_TEXT, { method: "PUT", body: "{}", signal: controller.signal, [CONTEXT_KEY]: context }));
    expect(seen[0]!.signal).toBe(controller.signal);
    expect(seen[0]!.context).toBe(context);
  });

  it("sends no signal when the caller gave none, and a fresh context when none came", async () => {
    const { seen, fetch } = recording();
    const build = bridgeRequest as unknown as new (url: string, init: object) => Request;
    await fetch(new build(URL_TEXT, { method: "PUT", body: "{}" }));
    expect(seen[0]!.signal).toBeUndefined();
    expect(seen[0]!.context).toEqual({ attempts: 0 });
  });

  it("rejects a URL that is not absolute, as a Request would", async () => {
    const { fetch } = recording();
    const build = bridgeRequest as unknown as new (url: string, init: object) => Request;
    await expect(fetch(new build("/relative", { method: "PUT", body: "{}" }))).rejects.toBeInstanceOf(TypeError);
    expect(() => new Request("/relative")).toThrow(TypeError);
  });
});
