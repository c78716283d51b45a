/**
 * From a named call's arguments to the HttpRequest the layers send: each
 * argument put where its operation says, checked before any I/O, and
 * serialized with openapi-fetch's own serializers.
 */
import { createQuerySerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../src/errors.ts";
import { type ClientOptions, resolveClientOptions } from "../src/options.ts";
import { buildRequest, splitArgs } from "../src/request.ts";
import { readyOperations as operations, testOperations } from "./helpers/operations.ts";
import { thrownBy } from "./helpers/thrown.ts";

const { ListServers, CreateServer, DeleteServer, TagServer } = testOperations;
const ENDPOINT = "http://127.0.0.1:9";

const configOf = (options: Partial<ClientOptions> = {}) =>
  resolveClientOptions({ credentials: { token: "t" }, endpoints: { vpc: ENDPOINT }, projectId: "proj", ...options }, { "user-agent": "ua" });

const listArgs = { limit: 10, "X-Client-Token": "idem-1" };

/** The request a named call with `args` builds. */
const build = (operation = ListServers, args: Record<string, unknown> = listArgs, options: Partial<ClientOptions> = {}, init = {}) =>
  buildRequest(operation, splitArgs(operation, args), configOf(options), init);

const refusal = (run: () => unknown): ValidationError => thrownBy(run, ValidationError);

describe("splitArgs", () => {
  it("puts each argument in its parameter's location, the body apart, and lists unknown names", () => {
    const split = splitArgs(ListServers, { project_id: "p", limit: 5, "X-Language": "en-us", body: { a: 1 }, colour: "red" });
    expect(split).toEqual({
      input: { path: { project_id: "p" }, query: { limit: 5 }, header: { "X-Language": "en-us" }, body: { a: 1 } },
      unknown: ["colour"],
    });
  });

  it("drops arguments given as undefined, and has no body when none was given", () => {
    expect(splitArgs(ListServers, { limit: undefined, body: undefined })).toEqual({ input: { path: {}, query: {}, header: {} }, unknown: [] });
    expect(splitArgs(ListServers, undefined)).toEqual({ input: { path: {}, query: {}, header: {} }, unknown: [] });
  });

  it("lists arguments named like Object.prototype's members as unknown, so a call refuses them with a ValidationError", () => {
    // JSON.parse makes `__proto__` an own key, as arguments read from a file or a request would have it.
    const args = { ...JSON.parse('{"__proto__": {"x": 1}}'), constructor: "c", toString: "t", hasOwnProperty: "h", limit: 5 };
    expect(splitArgs(ListServers, args)).toEqual({
      input: { path: {}, query: { limit: 5 }, header: {} },
      unknown: ["__proto__", "constructor", "toString", "hasOwnProperty"],
    });
    const error = refusal(() => build(ListServers, { ...listArgs, constructor: "c" }));
    expect(error).toMatchObject({ field: "constructor", rule: "additionalProperties" });
  });
});

describe("buildRequest: where each value goes", () => {
  it("puts the service's endpoint, the encoded path and the query serialized by openapi-fetch in the URL", () => {
    const query = { limit: 10, name: "a b*c~d!é", status: "ACTIVE" };
    const request = build(ListServers, { ...query, "X-Client-Token": "t" }, { validate: false });
    expect(request.url.href).toBe(`${ENDPOINT}/v1/proj/servers?limit=10&name=a%20b*c~d!%C3%A9&status=ACTIVE`);
    expect(request.url.search).toBe(`?${createQuerySerializer()(query)}`);
  });

  it("repeats the key of an array query value, as OpenAPI's default form style does", () => {
    expect(build(ListServers, { ...listArgs, tags: ["a", "b c"] }).url.search).toBe("?limit=10&tags=a&tags=b%20c");
  });

  it("adds no '?' when there is no query", () => {
    expect(build(ListServers, { "X-Client-Token": "t" }).url.href).toBe(`${ENDPOINT}/v1/proj/servers`);
  });

  it.each([
    ["a/b", "a%2Fb"],
    ["../x", "..%2Fx"],
    ["a?b#c", "a%3Fb%23c"],
    ["名 1", "%E5%90%8D%201"],
  ])("percent-encodes the path value %j so it stays in its segment", (id, encoded) => {
    expect(build(DeleteServer, { server_id: id }).url.pathname).toBe(`/v1/proj/servers/${encoded}`);
  });

  it("fills project_id from the client, lets an explicit one win, and leaves operations without it alone", () => {
    expect(build(DeleteServer, { server_id: "s" }).url.pathname).toBe("/v1/proj/servers/s");
    expect(build(DeleteServer, { server_id: "s", project_id: "other" }).url.pathname).toBe("/v1/other/servers/s");
    const peering = buildRequest(operations.UpdateVpcPeering, splitArgs(operations.UpdateVpcPeering, { peering_id: "p", body: { peering: { name: "n" } } }), configOf(), undefined);
    expect(peering.url.pathname).toBe("/v2.0/vpc/peerings/p");
  });

  it("sends header parameters under lower-case names, after the client's headers and before the call's", () => {
    const request = build(
      ListServers,
      { ...listArgs, "X-Language": "en-us" },
      { headers: { "X-Team": "net", "X-Language": "zh-cn" } },
      { headers: { "X-Trace": "t-1", "X-Client-Token": "from-init" } },
    );
    expect(request.headers).toEqual({ "user-agent": "ua", "x-team": "net", "x-language": "en-us", "x-client-token": "from-init", "x-trace": "t-1" });
  });

  it("writes a header parameter that is not a string as text, arrays comma-joined", () => {
    const request = build(ListServers, { "X-Client-Token": ["a", "b"], "X-Language": 7 }, { validate: false });
    expect(request.headers).toMatchObject({ "x-client-token": "a,b", "x-language": "7" });
  });

  it("sends the body as JSON bytes with a JSON content type, unless the caller set one", () => {
    const request = build(CreateServer, { body: { server: { name: "é" } } });
    expect(new TextDecoder().decode(request.body)).toBe('{"server":{"name":"é"}}');
    expect(request.headers["content-type"]).toBe("application/json");
    const typed = build(CreateServer, { body: { server: { name: "x" } } }, {}, { headers: { "Content-Type": "application/json;charset=utf-8" } });
    expect(typed.headers["content-type"]).toBe("application/json;charset=utf-8");
  });

  it("sends neither body nor content type when there is no body", () => {
    const request = build(DeleteServer, { server_id: "s" });
    expect(request).not.toHaveProperty("body");
    expect(request.headers).not.toHaveProperty("content-type");
    expect(build(TagServer, { server_id: "s" })).not.toHaveProperty("body");
  });

  it("carries the operation's method and id, the caller's signal and the client's answer cap", () => {
    const signal = new AbortController().signal;
    const request = build(DeleteServer, { server_id: "s" }, { maxResponseBytes: 1234 }, { signal });
    expect(request).toMatchObject({ method: "DELETE", operation: "DeleteServer", signal, maxResponseBytes: 1234 });
    expect(build(DeleteServer, { server_id: "s" })).not.toHaveProperty("signal");
  });
});

describe("buildRequest: validation before any I/O", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["a query value over its maximum", { ...listArgs, limit: 1001 }, "query.limit", "maximum"],
    ["a query value of the wrong type", { ...listArgs, limit: "ten" }, "query.limit", "type"],
    ["a query value outside its enum", { ...listArgs, status: "GONE" }, "query.status", "enum"],
    ["a query string too long", { ...listArgs, name: "n".repeat(65) }, "query.name", "maxLength"],
    ["a header value outside its enum", { ...listArgs, "X-Language": "fr" }, "header.X-Language", "enum"],
    ["a required header left out", { limit: 10 }, "header.X-Client-Token", "required"],
    ["an argument the operation does not have", { ...listArgs, colour: "red" }, "colour", "additionalProperties"],
    ["a body for an operation that takes none", { ...listArgs, body: {} }, "body", "additionalProperties"],
  ])("refuses %s, naming %s and %s", (_, args, field, rule) => {
    const error = refusal(() => build(ListServers, args));
    expect(error).toMatchObject({ operation: "ListServers", attempts: 0 });
    expect(error.issues).toContainEqual(expect.objectContaining({ field, rule }));
    expect(error.message).toContain(field);
  });

  it("treats a missing required body as missing, naming `body`", () => {
    expect(refusal(() => build(CreateServer, {}))).toMatchObject({ field: "body", rule: "required" });
    expect(refusal(() => build(CreateServer, { body: undefined }))).toMatchObject({ field: "body", rule: "required" });
  });

  it("accepts an optional body left out", () => {
    expect(() => build(TagServer, { server_id: "s" })).not.toThrow();
  });

  it("reports every broken field of a call at once", () => {
    const error = refusal(() => build(ListServers, { limit: 0, status: "GONE", "X-Language": "fr" }));
    expect(error.issues.map(({ field, rule }) => `${field} ${rule}`).sort()).toEqual([
      "header.X-Client-Token required",
      "header.X-Language enum",
      "query.limit minimum",
      "query.status enum",
    ]);
  });

  it("with validation off, sends what it is given and drops unknown arguments", () => {
    const request = build(ListServers, { limit: 5000, colour: "red" }, { validate: false });
    expect(request.url.search).toBe("?limit=5000");
  });
});

describe("buildRequest: refused even with validation off", () => {
  it.each([
    ["", "required"],
    [".", "path-segment"],
    ["..", "path-segment"],
  ])("a path value %j, which would reach another URL", (id, rule) => {
    for (const validate of [true, false]) {
      expect(refusal(() => build(DeleteServer, { server_id: id }, { validate }))).toMatchObject({ field: "path.server_id", rule });
    }
  });

  it.each([
    [[".."], "path-segment"],
    [[[".."]], "path-segment"],
    [["."], "path-segment"],
    [{}, "required"],
    [[], "required"],
  ])("an unvalidated path value %j, which openapi-fetch writes as a segment reaching another URL", (id, rule) => {
    expect(refusal(() => build(DeleteServer, { server_id: id }, { validate: false }))).toMatchObject({ field: "path.server_id", rule });
  });

  it("an unvalidated array or object path value that writes an ordinary segment is sent as openapi-fetch writes it", () => {
    expect(build(DeleteServer, { server_id: ["a", "b"] }, { validate: false }).url.pathname).toMatch(/\/servers\/a,b$/);
    expect(build(DeleteServer, { server_id: { k: "v" } }, { validate: false }).url.pathname).toMatch(/\/servers\/k,v$/);
  });

  it("a path value left out", () => {
    expect(refusal(() => build(DeleteServer, {}, { validate: false }))).toMatchObject({ field: "path.server_id", rule: "required" });
  });

  it("a missing project_id on a client without projectId", () => {
    const peering = operations.UpdateTrafficMirrorSession;
    const split = splitArgs(peering, { traffic_mirror_session_id: "s", body: {} });
    expect(refusal(() => buildRequest(peering, split, configOf({ projectId: undefined, validate: false }), undefined))).toMatchObject({
      field: "path.project_id",
      rule: "required",
    });
  });

  it("a header parameter or per-call header with CR or LF, named without its value", () => {
    const fromArgs = refusal(() => build(ListServers, { "X-Client-Token": "secret\r\nX-Evil: 1" }, { validate: false }));
    expect(fromArgs).toMatchObject({ field: "header.X-Client-Token", rule: "pattern" });
    const fromInit = refusal(() => build(ListServers, listArgs, {}, { headers: { "X-Trace": "secret\nX-Evil: 1" } }));
    expect(fromInit).toMatchObject({ field: "init.headers.x-trace", rule: "pattern" });
    for (const error of [fromArgs, fromInit]) expect(error.message).not.toContain("secret");
  });

  it.each([
    ["Transfer-Encoding", { "Transfer-Encoding": "chunked" }, "init.headers.transfer-encoding", "not"],
    ["Connection", { Connection: "close" }, "init.headers.connection", "not"],
    ["Content-Length", { "Content-Length": "5" }, "init.headers.content-length", "not"],
    ["a name that is not a token", { "X Trace": "1" }, "init.headers.x trace", "pattern"],
  ])("a per-call header %s, which each transport would treat its own way: a ValidationError naming it", (_, headers, field, rule) => {
    expect(refusal(() => build(ListServers, listArgs, {}, { headers }))).toMatchObject({ field, rule });
  });

  it.each([
    ["a path value", DeleteServer, { server_id: "vm-\uD800" }, "path.server_id"],
    ["a query value", ListServers, { ...listArgs, name: "web-\uDC00-1" }, "query.name"],
    ["an item of an array query value", ListServers, { ...listArgs, tags: ["ok", "\uDBFF"] }, "query.tags"],
  ])("%s with a lone surrogate, which has no UTF-8 to percent-encode: a ValidationError naming it", (_, operation, args, field) => {
    for (const validate of [true, false]) {
      expect(refusal(() => build(operation, args, { validate }))).toMatchObject({ field, rule: "encoding" });
    }
  });

  it.each([
    ["a circular body", () => {
      const body: Record<string, unknown> = {};
      body.self = body;
      return body;
    }],
    ["a BigInt in the body", () => ({ server: { size: 10n } })],
    ["a body that is a function", () => () => 1],
  ])("%s, which cannot be sent as JSON: a ValidationError naming body", (_, body) => {
    expect(refusal(() => build(CreateServer, { body: body() }, { validate: false }))).toMatchObject({ field: "body", rule: "json" });
  });
});
