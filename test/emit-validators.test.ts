/**
 * The compiled validators (scripts/emit/validators.ts) of operations using
 * OpenAPI's formats, which Huawei's references put on most fields (`int32`,
 * `int64`, `date-time`): each compiles to code that needs nothing at run time
 * and checks its format, naming the field.
 */
import { describe, expect, it } from "vitest";
import { emitValidators } from "../scripts/emit/validators.ts";
import { listOperations } from "../scripts/spec-model.ts";
import { ValidationError } from "../src/errors.ts";
import { validateInput } from "../src/validate.ts";
import { documentOf } from "./helpers/operations.ts";

const FORMATS: Record<string, { type: string; good: unknown; bad: unknown }> = {
  int32: { type: "integer", good: 2147483647, bad: 2147483648 },
  int64: { type: "number", good: 2 ** 40, bad: 1.5 },
  "date-time": { type: "string", good: "2024-01-02T03:04:05Z", bad: "yesterday" },
  date: { type: "string", good: "2024-01-02", bad: "02/01/2024" },
  time: { type: "string", good: "03:04:05+08:00", bad: "3 pm" },
  uri: { type: "string", good: "https://example.com/a?b=c", bad: "not a uri" },
  byte: { type: "string", good: "aGVsbG8=", bad: "***" },
  regex: { type: "string", good: "^[a-z]+$", bad: "((" },
  uuid: { type: "string", good: "7a9a954a-eb41-4954-a300-11ab17a361a2", bad: "7a9a954a" },
};

/** The compiled validator of an operation whose body has one field per format, loaded as the client loads it. */
async function compiled() {
  const [entry] = listOperations(
    documentOf({
      "/v1/things": {
        post: {
          operationId: "CreateThing",
          "x-service": "vpc",
          parameters: [{ name: "limit", in: "query", schema: { type: "integer", format: "int32", minimum: 1 } }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: Object.fromEntries(Object.entries(FORMATS).map(([format, { type }]) => [format, { type, format }])),
                },
              },
            },
          },
          responses: { 200: { description: "ok" } },
        },
      },
    }),
  );
  const files = await emitValidators([entry!], "test");
  const code = files.get("validators/CreateThing.ts")!;
  const module = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  return { code, operation: { id: "CreateThing", validate: module.CreateThing } };
}

describe("formats in compiled validators", () => {
  it("compiles int32, int64, date-time, date, time, uri, byte and regex to code that imports nothing", async () => {
    const { code } = await compiled();
    expect(code).not.toMatch(/\brequire\(|\bimport\b/);
  });

  it.each(Object.entries(FORMATS))("checks %s, naming the field and the rule", async (format, { good, bad }) => {
    const { operation } = await compiled();
    expect(() => validateInput(operation, { path: {}, query: {}, header: {}, body: { [format]: good } })).not.toThrow();
    const error = (() => {
      try {
        validateInput(operation, { path: {}, query: {}, header: {}, body: { [format]: bad } });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ field: `body.${format}`, rule: "format", message: `must match format "${format}"` }]);
  });

  it("checks a query parameter's format beside its range", async () => {
    const { operation } = await compiled();
    expect(() => validateInput(operation, { path: {}, query: { limit: 2 ** 31 }, header: {}, body: {} })).toThrow(/query\.limit must match format "int32"/);
  });
});
