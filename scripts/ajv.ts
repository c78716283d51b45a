/**
 * The one Ajv setup for the spec's JSON Schemas (OpenAPI 3.1 = JSON Schema
 * 2020-12), shared by the generator, the tests and the mock server, so they
 * all accept and reject the same values.
 */
import { Ajv2020, _, str, type KeywordCxt, type KeywordDefinition, type Options } from "ajv/dist/2020.js";
import { regexpCode } from "ajv/dist/compile/codegen/index.js";
import formats from "ajv-formats";
import { fastFormats, fullFormats } from "ajv-formats/dist/formats.js";

/**
 * `x-max-bytes`: the longest the UTF-8 encoding of a string may be. Huawei
 * limits some strings in bytes (EVS: "最大支持255个字节"), which `maxLength`,
 * counting characters, cannot say. Generated as code, not as a function, so it
 * also works in Ajv's standalone output.
 */
export const maxBytesKeyword: KeywordDefinition = {
  keyword: "x-max-bytes",
  type: "string",
  schemaType: "number",
  metaSchema: { type: "integer", minimum: 0 },
  error: {
    message: ({ schemaCode }) => str`must NOT have more than ${schemaCode} bytes in UTF-8`,
    params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
  },
  code(cxt: KeywordCxt) {
    cxt.fail(_`new TextEncoder().encode(${cxt.data}).length > ${cxt.schemaCode}`);
  },
};

/**
 * `minLength` and `maxLength` in characters, as JSON Schema and the pages count
 * them, without Ajv's run-time helper: String#length (UTF-16 units) decides
 * unless a character outside the BMP (an emoji: one character, two units)
 * could change the verdict, and only then are the characters counted.
 */
export const characterLengthKeyword: KeywordDefinition = {
  keyword: ["minLength", "maxLength"],
  type: "string",
  schemaType: "number",
  error: {
    message: ({ keyword, schemaCode }) => str`must NOT have ${keyword === "maxLength" ? "more" : "fewer"} than ${schemaCode} characters`,
    params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
  },
  code(cxt: KeywordCxt) {
    const { data, schemaCode } = cxt;
    const characters = _`Array.from(${data}).length`;
    cxt.fail(
      cxt.keyword === "maxLength"
        ? _`(${data}.length > ${schemaCode} && ${characters} > ${schemaCode})`
        : _`(${data}.length < ${schemaCode} || (${data}.length < 2 * ${schemaCode} && ${characters} < ${schemaCode}))`,
    );
  },
};

/**
 * `minProperties` and `maxProperties` counting the members JSON sends: a member
 * whose value is `undefined` is left out of the request body, so
 * `{ peering: { name: undefined } }` is the empty `{"peering":{}}` the pages
 * forbid, not an object with one field. The same for JSON values, which hold
 * no `undefined`.
 */
export const sentPropertiesKeyword: KeywordDefinition = {
  keyword: ["minProperties", "maxProperties"],
  type: "object",
  schemaType: "number",
  error: {
    message: ({ keyword, schemaCode }) => str`must NOT have ${keyword === "maxProperties" ? "more" : "fewer"} than ${schemaCode} properties`,
    params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
  },
  code(cxt: KeywordCxt) {
    const { gen, data, schemaCode } = cxt;
    const sent = gen.let("sent", 0);
    gen.forIn("member", data, (member) => gen.if(_`${data}[${member}] !== undefined`, () => gen.code(_`${sent}++`)));
    cxt.fail(cxt.keyword === "maxProperties" ? _`${sent} > ${schemaCode}` : _`${sent} < ${schemaCode}`);
  },
};

/**
 * `format` checked by code the compiled validator carries: ajv-formats checks
 * `int32`, `int64`, `date-time`, `date`, `time`, `uri`, `byte` and `regex` with
 * functions, which Ajv's standalone output can only `require()` from
 * ajv-formats at run time (the client has no validator library), so a spec
 * using one could not be generated. Here every format is a regular expression
 * (ajv-formats' own: the full one, else its fast mode's, which checks a
 * date's shape but not the calendar) or an inline expression.
 * Formats nobody defines (Huawei's pages invent some) are annotations, as before.
 */
export const formatKeyword: KeywordDefinition = {
  keyword: "format",
  type: ["number", "string"],
  schemaType: "string",
  error: {
    message: ({ schemaCode }) => str`must match format "${schemaCode}"`,
    params: ({ schemaCode }) => _`{format: ${schemaCode}}`,
  },
  code(cxt: KeywordCxt, ruleType?: string) {
    const { gen, data, schema } = cxt;
    const name = String(schema);
    if (ruleType === "number") {
      if (name === "int32") cxt.fail(_`!(Number.isInteger(${data}) && ${data} >= -2147483648 && ${data} <= 2147483647)`);
      if (name === "int64") cxt.fail(_`!Number.isInteger(${data})`);
      return;
    }
    if (ruleType !== "string") return;
    if (name === "regex") {
      const valid = gen.let("valid", true);
      gen.try(
        () => gen.code(_`new RegExp(${data})`),
        () => gen.assign(valid, false),
      );
      cxt.fail(_`!${valid}`);
      return;
    }
    const pattern = formatPattern(name);
    if (pattern === undefined) return;
    const regexp = gen.scopeValue("pattern", { key: pattern.toString(), ref: pattern, code: regexpCode(pattern) });
    cxt.fail(_`!${regexp}.test(${data})`);
  },
};

/** Base64, as ajv-formats' `byte` function checks it. */
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The regular expression of a string format: ajv-formats' full mode where it is one, else its fast mode's. */
function formatPattern(name: string): RegExp | undefined {
  if (name === "byte") return BYTE;
  for (const table of [fullFormats, fastFormats] as Array<Record<string, unknown>>) {
    if (!Object.hasOwn(table, name)) continue;
    const format = table[name];
    if (format instanceof RegExp) return format;
    const validate = (format as { validate?: unknown } | undefined)?.validate;
    if (validate instanceof RegExp) return validate;
  }
  return undefined;
}

/**
 * An Ajv for the spec's schemas. Strict about what JSON Schema means (types,
 * numbers, `required`), tolerant of the keywords OpenAPI and this project add
 * beside it (`example`, `xml`, `externalDocs`, `discriminator`, `x-*`), and
 * reporting every error rather than the first. `options` override the defaults,
 * e.g. `{ code: { source: true, esm: true } }` for standalone code.
 */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictSchema: false,
    allowUnionTypes: true,
    ...options,
  });
  // ajv-formats is CommonJS; `.default` is the plugin under every interop mode.
  formats.default(ajv);
  ajv.removeKeyword("format").addKeyword(formatKeyword);
  ajv.addKeyword(maxBytesKeyword);
  ajv.removeKeyword("minLength").removeKeyword("maxLength").addKeyword(characterLengthKeyword);
  ajv.removeKeyword("minProperties").removeKeyword("maxProperties").addKeyword(sentPropertiesKeyword);
  return ajv;
}
