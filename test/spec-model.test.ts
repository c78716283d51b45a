/**
 * The generator's reading of the spec (scripts/spec-model.ts), on small
 * in-memory documents: which operations may be sent twice, and which
 * parameter names a named call could not tell apart.
 */
import { describe, expect, it } from "vitest";
import { operations } from "../generated/operations.ts";
import { listOperations } from "../scripts/spec-model.ts";
import { documentOf } from "./helpers/operations.ts";

const answered = { responses: { 200: { description: "ok" } } };

/** One operation at /v1/items/{item_id}, with the given method and extra fields. */
function entryOf(method: string, operation: Record<string, unknown> = {}) {
  const document = documentOf({
    "/v1/items/{item_id}": {
      [method]: {
        operationId: "DoIt",
        "x-service": "vpc",
        parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string" } }],
        ...answered,
        ...operation,
      },
    },
  });
  return listOperations(document)[0]!;
}

describe("idempotency, decided by the generator", () => {
  it.each([
    ["get", true],
    ["head", true],
    ["put", true],
    ["delete", true],
    ["options", true],
    ["post", false],
    ["patch", false],
  ])("follows the method when the spec says nothing: %s is idempotent: %s", (method, idempotent) => {
    expect(entryOf(method).idempotent).toBe(idempotent);
  });

  it.each([
    ["put", false],
    ["delete", false],
    ["post", true],
    ["patch", true],
  ])("yields to x-idempotent: a %s marked x-idempotent: %s", (method, idempotent) => {
    expect(entryOf(method, { "x-idempotent": idempotent }).idempotent).toBe(idempotent);
  });

  it("reaches the generated table: UpdateDataSource, a PUT that starts a job, is marked not idempotent; UpdateVpcPeering is", () => {
    expect(operations.UpdateDataSource).toMatchObject({ method: "PUT", idempotent: false });
    expect(operations.UpdateVpcPeering).toMatchObject({ method: "PUT", idempotent: true });
  });
});

describe("parameter names, one per named-call argument", () => {
  it("stops on two parameters of one operation that share a name, naming both", () => {
    const parameters = [
      { name: "item_id", in: "path", required: true, schema: { type: "string" } },
      { name: "item_id", in: "query", schema: { type: "string" } },
    ];
    expect(() => entryOf("get", { parameters })).toThrow("DoIt: parameters path.item_id and query.item_id share a name");
  });

  it("stops on a name shared by a path item's parameter and an operation's parameter in another place", () => {
    const document = documentOf({
      "/v1/items/{item_id}": {
        parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string" } }],
        get: { operationId: "DoIt", "x-service": "vpc", parameters: [{ name: "item_id", in: "header", schema: { type: "string" } }], ...answered },
      },
    });
    expect(() => listOperations(document)).toThrow(/path\.item_id and header\.item_id share a name/);
  });

  it("lets an operation's parameter replace the path item's of the same name and place, as OpenAPI says", () => {
    const document = documentOf({
      "/v1/items/{item_id}": {
        parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "DoIt",
          "x-service": "vpc",
          parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string", maxLength: 8 } }],
          ...answered,
        },
      },
    });
    expect(listOperations(document)[0]!.parameters).toEqual([expect.objectContaining({ name: "item_id", in: "path", schema: { type: "string", maxLength: 8 } })]);
  });

  it.each(["query", "header"])("stops on a %s parameter called body, which named calls keep for the request body", (location) => {
    const parameters = [
      { name: "item_id", in: "path", required: true, schema: { type: "string" } },
      { name: "body", in: location, schema: { type: "string" } },
    ];
    expect(() => entryOf("post", { parameters })).toThrow(`DoIt: ${location}.body is named "body"`);
  });
});

describe("parameters", () => {
  it("are required when the spec says so, and always in the path", () => {
    const parameters = [
      { name: "item_id", in: "path", schema: { type: "string" } },
      { name: "limit", in: "query", required: true, schema: { type: "integer" } },
      { name: "marker", in: "query", schema: { type: "string" } },
    ];
    expect(entryOf("get", { parameters }).parameters.map(({ name, in: where, required }) => `${where}.${name} ${required}`)).toEqual([
      "path.item_id true",
      "query.limit true",
      "query.marker false",
    ]);
  });

  it("may only be in the path, the query or a header", () => {
    const parameters = [{ name: "session", in: "cookie", schema: { type: "string" } }];
    expect(() => entryOf("get", { parameters })).toThrow("DoIt: parameter session is in cookie; only path, query and header are supported");
  });
});

describe("media types of bodies and answers", () => {
  const object = { type: "object", properties: { name: { type: "string" } } };

  it.each(["application/json;charset=UTF-8", "application/json; charset=utf-8", "application/merge-patch+json"])(
    "reads %s, as Huawei's pages write JSON, as the JSON body and answer",
    (type) => {
      const entry = entryOf("put", {
        requestBody: { required: true, content: { [type]: { schema: object } } },
        responses: { 200: { description: "ok", content: { [type]: { schema: object, example: { name: "a" } } } } },
      });
      expect(entry.body).toEqual({ required: true, schema: object, examples: [] });
      expect(entry.success).toEqual([expect.objectContaining({ status: 200, schema: object, examples: [{ name: "example", value: { name: "a" } }] })]);
    },
  );

  it("stops on a request body that is not JSON, naming the operation and the media type, rather than sending none", () => {
    const requestBody = { content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } };
    expect(() => entryOf("put", { requestBody })).toThrow("DoIt: its request body is application/octet-stream; only JSON");
  });

  it("stops on a success answer that is not JSON, rather than resolving to undefined", () => {
    const responses = { 200: { description: "the log", content: { "text/plain": { schema: { type: "string" } } } } };
    expect(() => entryOf("get", { responses })).toThrow("DoIt: its 200 answer is text/plain; only JSON");
  });

  it("takes an error answer of any media type: its body is read as text", () => {
    const responses = { 200: { description: "ok" }, 404: { description: "gone", content: { "text/html": { schema: { type: "string" } } } } };
    expect(entryOf("get", { responses }).errors).toEqual([{ status: 404, description: "gone", examples: [] }]);
  });
});
