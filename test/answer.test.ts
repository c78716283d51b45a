/**
 * From an answer to what the caller gets: the declared body of a 2xx, a typed
 * error for anything else, and never a bare parse error.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { operations } from "../generated/operations.ts";
import { readAnswer } from "../src/answer.ts";
import {
  BadRequestError,
  ConflictError,
  HuaweiCloudError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from "../src/errors.ts";
import type { HttpResponse } from "../src/layers.ts";
import { testOperations } from "./helpers/operations.ts";

const { UpdateVpcPeering } = operations;
const { DeleteServer, TagServer } = testOperations;
const encoder = new TextEncoder();

function answer(status: number, body: string | null, headers: Record<string, string> = {}): HttpResponse {
  return { status, statusText: "", headers, body: body === null ? null : encoder.encode(body) };
}

const JSON_TYPE = { "content-type": "application/json", "x-request-id": "req-1" };

describe("a 2xx answer", () => {
  it("whose JSON body is declared gives the parsed body", () => {
    expect(readAnswer(UpdateVpcPeering, answer(200, '{"peering":{"name":"é"}}', JSON_TYPE), 1)).toEqual({ data: { peering: { name: "é" } } });
  });

  it("declared without content gives undefined, whatever bytes came", () => {
    expect(readAnswer(DeleteServer, answer(204, null), 1)).toEqual({ data: undefined });
    expect(readAnswer(TagServer, answer(202, "ignored", JSON_TYPE), 1)).toEqual({ data: undefined });
  });

  it("of a status the spec does not declare gives its JSON, or undefined when empty", () => {
    expect(readAnswer(UpdateVpcPeering, answer(201, '{"a":1}', JSON_TYPE), 1)).toEqual({ data: { a: 1 } });
    expect(readAnswer(UpdateVpcPeering, answer(204, null), 1)).toEqual({ data: undefined });
  });

  it("accepts an identity content encoding, in any case (content codings are case-insensitive)", () => {
    expect(readAnswer(UpdateVpcPeering, answer(200, "{}", { "content-encoding": "identity" }), 1)).toEqual({ data: {} });
    expect(readAnswer(UpdateVpcPeering, answer(200, "{}", { "content-encoding": "Identity" }), 1)).toEqual({ data: {} });
  });
});

describe("a 2xx answer that is not the declared JSON is an InvalidResponseError", () => {
  it.each<[string, HttpResponse, RegExp]>([
    ["an empty body", answer(200, "", JSON_TYPE), /has no body, though the spec declares one/],
    ["no body at all", answer(200, null, JSON_TYPE), /has no body/],
    ["invalid JSON", answer(200, '{"peering":', JSON_TYPE), /is not JSON/],
    ["an HTML page", answer(200, "<html><body>Login</body></html>", { "content-type": "text/html", "x-request-id": "req-1" }), /is not JSON/],
    ["a body in an encoding nobody asked for", answer(200, "\u001f\u008b", { ...JSON_TYPE, "content-encoding": "gzip" }), /gzip-encoded/],
  ])("%s", (_, response, reason) => {
    const { data, error } = readAnswer(UpdateVpcPeering, response, 2);
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      status: 200,
      operation: "UpdateVpcPeering",
      attempts: 2,
      requestId: "req-1",
      contentType: response.headers["content-type"],
    });
    expect(error!.message).toMatch(reason);
    expect(error!.message).toContain("UpdateVpcPeering");
  });

  it("with the start of the body as its excerpt, cut at 200 characters, and the parse error as cause", () => {
    const html = `<html>${"x".repeat(500)}</html>`;
    const error = readAnswer(UpdateVpcPeering, answer(200, html, { "content-type": "text/html" }), 1).error as InvalidResponseError;
    expect(error.excerpt).toBe(`${html.slice(0, 200)}…`);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(readAnswer(UpdateVpcPeering, answer(200, "oops", {}), 1).error).toMatchObject({ excerpt: "oops", contentType: undefined });
  });
});

describe("a body in an encoding nobody asked for is not read as text", () => {
  const gzipped = (text: string): HttpResponse => ({
    status: 0,
    statusText: "",
    headers: { ...JSON_TYPE, "content-encoding": "gzip" },
    body: new Uint8Array(gzipSync(text)),
  });

  it.each([200, 201])("a %i, declared or not: an InvalidResponseError with no excerpt of its bytes", (status) => {
    const { error } = readAnswer(UpdateVpcPeering, { ...gzipped('{"peering":{}}'), status }, 1);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status, excerpt: "" });
    expect(error!.message).toContain("gzip-encoded");
  });

  it("an error answer: its class, status and request id, with no body, and none of its bytes in the message", () => {
    const { error } = readAnswer(UpdateVpcPeering, { ...gzipped('{"error_code":"VPC.0001","error_msg":"busy"}'), status: 500 }, 1);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, requestId: "req-1", body: undefined, code: undefined });
    expect(error!.message).toBe("UpdateVpcPeering failed: 500: HTTP 500 (request id req-1)");
  });
});

describe("any other answer is a HuaweiCloudError", () => {
  it.each<[number, typeof HuaweiCloudError]>([
    [400, BadRequestError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
  ])("%i is its own class, with status, code, request id, body and attempts", (status, ErrorClass) => {
    const body = { error_code: "VPC.0001", error_msg: "busy" };
    const { data, error } = readAnswer(UpdateVpcPeering, answer(status, JSON.stringify(body), JSON_TYPE), 3);
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code: "VPC.0001", requestId: "req-1", body, attempts: 3, operation: "UpdateVpcPeering" });
  });

  it("keeps a body that is not JSON as its text, and no body as undefined", () => {
    expect(readAnswer(UpdateVpcPeering, answer(502, "bad gateway", {}), 1).error).toMatchObject({ body: "bad gateway", code: undefined });
    expect(readAnswer(UpdateVpcPeering, answer(404, null), 1).error).toMatchObject({ body: undefined });
    expect(readAnswer(UpdateVpcPeering, answer(404, ""), 1).error).toMatchObject({ body: undefined });
  });

  it.each([301, 302, 303, 307, 308])("a %i is never followed: an error with its status and location", (status) => {
    const { error } = readAnswer(UpdateVpcPeering, answer(status, null, { location: "https://elsewhere.example.com/x" }), 1);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status, location: "https://elsewhere.example.com/x" });
  });

  it("is not an InvalidResponseError even when its body is not JSON and was declared so", () => {
    expect(readAnswer(UpdateVpcPeering, answer(500, "<html>", JSON_TYPE), 1).error).not.toBeInstanceOf(InvalidResponseError);
  });
});
