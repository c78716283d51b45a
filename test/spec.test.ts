/**
 * The hand-written spec (openapi/) read as the client will read it: bundled by
 * Redocly, dereferenced, validated with the project's Ajv. Checks the operation
 * inventory, that every example fits its schema, and that every constraint the
 * Huawei pages state is enforced, one broken value at a time.
 */
import { bundle, loadConfig } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { createAjv } from "../scripts/ajv.ts";
import {
  AT_THE_LIMIT,
  CONSTRAINTS,
  type Json,
  type OperationId,
  REMOVE,
  segments,
  type Where,
  withValueAt,
} from "./helpers/constraints.ts";

type Schema = Record<string, Json>;

const SPEC = "openapi/openapi.yaml";
const CONFIG = "redocly.yaml";

async function bundleSpec(dereference: boolean) {
  const config = await loadConfig({ configPath: CONFIG });
  return bundle({ ref: SPEC, config, dereference });
}

const [bundled, dereferenced] = await Promise.all([bundleSpec(false), bundleSpec(true)]);
/** Components by name, `$ref`s kept. */
const document: Json = bundled.bundle.parsed;
/** The same document with every `$ref` replaced by its target. */
const spec: Json = dereferenced.bundle.parsed;
const ajv = createAjv();

interface Operation {
  id: OperationId;
  method: string;
  path: string;
  pathItem: Json;
  operation: Json;
}

const operations: Operation[] = Object.entries<Json>(spec.paths).flatMap(([path, pathItem]) =>
  ["get", "put", "post", "patch", "delete"]
    .filter((method) => pathItem[method])
    .map((method) => ({ id: pathItem[method].operationId, method, path, pathItem, operation: pathItem[method] })),
);

function operation(id: OperationId): Operation {
  const found = operations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no operation ${id} in the spec`);
  return found;
}

function parameters(op: Operation, location: "path" | "query" | "header"): Json[] {
  return [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])].filter((p: Json) => p.in === location);
}

/** Path, query or header parameters as one object schema, the way a client validates them together. */
function parametersSchema(op: Operation, location: "path" | "query" | "header"): Schema {
  const list = parameters(op, location);
  return {
    type: "object",
    properties: Object.fromEntries(list.map((p: Json) => [p.name, p.schema])),
    required: list.filter((p: Json) => p.required).map((p: Json) => p.name),
  };
}

function firstExample(holder: Json): Json {
  const named = Object.values<Json>(holder.examples ?? {})[0];
  if (named && typeof named === "object" && "value" in named) return named.value;
  if (Array.isArray(holder.schema?.examples)) return holder.schema.examples[0];
  throw new Error(`parameter ${holder.name} has no example to start from`);
}

function schemaOf(op: Operation, where: Where): Schema {
  switch (where) {
    case "body":
      return op.operation.requestBody?.content["application/json"].schema ?? {};
    case "response":
      return op.operation.responses["200"].content["application/json"].schema;
    default:
      return parametersSchema(op, where);
  }
}

/** A valid value to break: the page's sample for bodies, the parameters' examples for path, query and header. */
function validStart(op: Operation, where: Where): Json {
  switch (where) {
    case "body":
      return Object.values<Json>(op.operation.requestBody.content["application/json"].examples)[0].value;
    case "response":
      return Object.values<Json>(op.operation.responses["200"].content["application/json"].examples)[0].value;
    default:
      return Object.fromEntries(parameters(op, where).map((p: Json) => [p.name, firstExample(p)]));
  }
}

function validate(schema: Schema, value: Json) {
  const check = ajv.compile(schema);
  const valid = check(value);
  return { valid, errors: check.errors ?? [] };
}

/** The field an Ajv error is about: its instancePath, plus the member for `required` and `additionalProperties`. */
function fieldOf(error: { instancePath: string; params: Record<string, unknown> }): string {
  const member = error.params.missingProperty ?? error.params.additionalProperty;
  return typeof member === "string" ? `${error.instancePath}/${member}` : error.instancePath;
}


const CONSTRAINT_KEYWORDS = [
  "minLength",
  "maxLength",
  "pattern",
  "x-max-bytes",
  "format",
  "enum",
  "const",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
];

/**
 * Every constraint a schema declares, as `pointer keyword` keys matching the
 * table's rows (`additionalProperties` keyed by the object's pointer).
 */
function declaredConstraints(schema: Schema, pointer = ""): string[] {
  if (schema.anyOf || schema.oneOf || schema.allOf || schema.not) {
    throw new Error(`${pointer || "/"} uses a composition keyword; teach declaredConstraints to walk it`);
  }
  const found = CONSTRAINT_KEYWORDS.filter((keyword) => keyword in schema).map((keyword) => `${pointer} ${keyword}`);
  for (const name of schema.required ?? []) found.push(`${pointer}/${name} required`);
  if (schema.additionalProperties === false) found.push(`${pointer} additionalProperties`);
  for (const [name, child] of Object.entries<Schema>(schema.properties ?? {})) {
    found.push(...declaredConstraints(child, `${pointer}/${name}`));
  }
  if (schema.items) found.push(...declaredConstraints(schema.items, `${pointer}/0`));
  if (typeof schema.additionalProperties === "object") {
    found.push(...declaredConstraints(schema.additionalProperties, `${pointer}/*`));
  }
  return found;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/** A short, readable rendering of a test value for test titles. */
function show(value: Json): string {
  if (value === REMOVE) return "(removed)";
  if (typeof value === "string" && value.length > 16 && new Set(value).size === 1) return `${JSON.stringify(value[0])} × ${value.length}`;
  return JSON.stringify(value);
}

describe("bundling", () => {
  it("bundles openapi/openapi.yaml into one OpenAPI 3.1 document without problems", () => {
    expect(bundled.problems).toEqual([]);
    expect(dereferenced.problems).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
    expect(JSON.stringify(spec)).not.toContain('"$ref"');
  });
});

describe("operations", () => {
  const EXPECTED = [
    { id: "UpdateVpcPeering", method: "put", path: "/v2.0/vpc/peerings/{peering_id}", tag: "VPC", service: "vpc", idempotent: true },
    {
      id: "UpdateTrafficMirrorSession",
      method: "put",
      path: "/v3/{project_id}/vpc/traffic-mirror-sessions/{traffic_mirror_session_id}",
      tag: "VPC",
      service: "vpc",
      idempotent: true,
    },
    { id: "CinderUpdateSnapshot", method: "put", path: "/v2/{project_id}/snapshots/{snapshot_id}", tag: "EVS", service: "evs", idempotent: true },
    {
      id: "UpdateDataSource",
      method: "put",
      path: "/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}",
      tag: "DWS",
      service: "dws",
      // Each update starts a DWS job and may restart the cluster: never resent.
      idempotent: false,
    },
    {
      id: "UpdateEndpointRoutetable",
      method: "put",
      path: "/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables",
      tag: "VPCEP",
      service: "vpcep",
      idempotent: true,
    },
    // Looked up by the client to fill {project_id}; idempotent as every GET, without saying so.
    { id: "KeystoneListProjects", method: "get", path: "/v3/projects", tag: "IAM", service: "iam", idempotent: undefined },
  ] as const;

  it("are exactly the five update PUTs and IAM's project list", () => {
    expect(operations.map(({ id, method, path }) => ({ id, method, path }))).toEqual(EXPECTED.map(({ id, method, path }) => ({ id, method, path })));
  });

  it.each(EXPECTED)("$id is tagged $tag, served by $service, idempotent: $idempotent, and says why", ({ id, tag, service, idempotent }) => {
    const op = operation(id);
    expect(op.operation.tags).toEqual([tag]);
    expect(op.operation["x-service"]).toBe(service);
    expect(op.operation["x-idempotent"]).toBe(idempotent);
    expect(op.operation.description).toMatch(idempotent === false ? /\bNot idempotent: / : /\bIdempotent: /);
    expect(op.pathItem.servers).toEqual([
      expect.objectContaining({
        url: `https://${service}.{region}.myhuaweicloud.com`,
        variables: { region: expect.objectContaining({ default: "cn-north-4" }) },
      }),
    ]);
  });

  it("declares every tag it uses, each with a description", () => {
    expect(spec.tags.map((tag: Json) => tag.name)).toEqual(["DWS", "EVS", "IAM", "VPC", "VPCEP"]);
    for (const tag of spec.tags) expect(tag.description).toBeTruthy();
  });

  it("accepts an IAM token or an AK/SK signature on every operation", () => {
    expect(spec.security).toEqual([{ iamToken: [] }, { akskSignature: [] }]);
    expect(spec.components.securitySchemes.iamToken).toMatchObject({ type: "apiKey", in: "header", name: "X-Auth-Token" });
    expect(spec.components.securitySchemes.akskSignature).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
    expect(spec.components.securitySchemes.akskSignature.description).toMatch(/SDK-HMAC-SHA256[\s\S]*X-Sdk-Date[\s\S]*X-Security-Token/);
    for (const op of operations) expect(op.operation.security, op.id).toBeUndefined();
  });

  const ERROR_STATUSES = ["400", "401", "403", "404", "500", "503"];
  const VPCEP_STATUSES = ["200", "400", "401", "403", "404", "405", "406", "407", "408", "409", "500", "501", "502", "503", "504"];

  it.each(EXPECTED)("$id documents 200 and every common error status (404 for operations on one resource)", ({ id, path }) => {
    const statuses = Object.keys(operation(id).operation.responses);
    const common = path.endsWith("}") || path.endsWith("routetables") ? ERROR_STATUSES : ERROR_STATUSES.filter((status) => status !== "404");
    expect(statuses).toEqual(expect.arrayContaining(["200", ...common]));
  });

  it("UpdateEndpointRoutetable documents every status its page lists, 400 to 409 and 500 to 504", () => {
    expect(Object.keys(operation("UpdateEndpointRoutetable").operation.responses)).toEqual(VPCEP_STATUSES);
  });

  it.each(EXPECTED)("every response of $id carries X-Request-Id and a JSON body", ({ id }) => {
    for (const [status, response] of Object.entries<Json>(operation(id).operation.responses)) {
      expect(response.headers?.["X-Request-Id"]?.schema?.type, `${id} ${status}`).toBe("string");
      expect(Object.keys(response.content ?? {}), `${id} ${status}`).toEqual(["application/json"]);
    }
  });

  it("error responses are shared components, one per service and status", () => {
    for (const op of operations) {
      for (const [status, response] of Object.entries<Json>(document.paths[op.path][op.method].responses)) {
        if (status === "200") continue;
        expect(response.$ref, `${op.id} ${status}`).toMatch(/^#\/components\/responses\/(Vpc|Evs|Dws|Vpcep|Iam)[A-Za-z]+$/);
      }
    }
  });
});

interface ExampleCase {
  label: string;
  value: Json;
  schema: Schema;
}

/** Every example value of the document, paired with the schema it illustrates. */
function exampleCases(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const named = (label: string, examples: Json, schema: Schema) => {
    for (const [name, example] of Object.entries<Json>(examples ?? {})) {
      cases.push({ label: `${label}: ${name}`, value: example.value, schema });
    }
  };
  const inSchema = (label: string, schema: Schema) => {
    for (const [index, value] of (schema.examples ?? []).entries()) {
      cases.push({ label: `${label} (schema example ${index})`, value, schema });
    }
    for (const [name, child] of Object.entries<Schema>(schema.properties ?? {})) inSchema(`${label}/${name}`, child);
    if (schema.items) inSchema(`${label}/0`, schema.items);
    if (typeof schema.additionalProperties === "object") inSchema(`${label}/*`, schema.additionalProperties);
    for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) inSchema(label, branch);
  };
  for (const op of operations) {
    for (const parameter of [...(op.pathItem.parameters ?? []), ...(op.operation.parameters ?? [])]) {
      const label = `${op.id} ${parameter.in} ${parameter.name}`;
      named(label, parameter.examples, parameter.schema);
      inSchema(label, parameter.schema);
    }
    const body = op.operation.requestBody?.content["application/json"];
    if (body) {
      named(`${op.id} request`, body.examples, body.schema);
      inSchema(`${op.id} request`, body.schema);
    }
    for (const [status, response] of Object.entries<Json>(op.operation.responses)) {
      const media = response.content["application/json"];
      named(`${op.id} ${status}`, media.examples, media.schema);
      inSchema(`${op.id} ${status}`, media.schema);
      for (const [name, header] of Object.entries<Json>(response.headers ?? {})) inSchema(`${op.id} ${status} ${name}`, header.schema);
    }
  }
  return cases;
}

describe("examples", () => {
  const cases = exampleCases();

  it.each(cases.map((c) => [c.label, c] as const))("%s fits its schema", (_label, { value, schema }) => {
    const { valid, errors } = validate(schema, value);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it("every named example under components/examples is one of them", () => {
    const checked = new Set(cases.map((c) => JSON.stringify(c.value)));
    const names = Object.keys(document.components.examples);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      expect(checked.has(JSON.stringify(document.components.examples[name].value)), name).toBe(true);
    }
  });

  it("every operation shows the page's request and response samples", () => {
    for (const op of operations) {
      if (op.operation.requestBody) {
        expect(Object.keys(op.operation.requestBody.content["application/json"].examples), op.id).toContain(`${op.id}Request`);
      }
      expect(Object.keys(op.operation.responses["200"].content["application/json"].examples), op.id).toContain(`${op.id}Response`);
    }
  });

  it("repairs the samples the pages got wrong", () => {
    const peering = document.components.examples.UpdateVpcPeeringResponse.value.peering;
    expect(peering.id).toBe("22b76469-08e3-4937-8c1d-7aad34892be1");
    expect(peering.request_vpc_info).toEqual({
      vpc_id: "9daeac7c-a98f-430f-8e38-67f9c044e299",
      tenant_id: "f65e9ebc-ed5d-418b-a931-9a723718ba4e",
    });
    expect(JSON.stringify(peering)).not.toMatch(/[\u201c\u201d]/);
    expect(document.components.examples.VpcEndpointIdSample.value).toBe("4189d3c2-8882-4871-a3c2-d380272eed83");
  });
});

describe("constraints", () => {
  it.each(CONSTRAINTS.map((row) => [`${row[0]} ${row[1]} ${row[2]} = ${show(row[3])} breaks ${row[4]}`, ...row] as const))(
    "%s",
    (_title, id, where, pointer, bad, keyword) => {
      const op = operation(id);
      const start = validStart(op, where);
      expect(validate(schemaOf(op, where), start).valid, "the starting value must be valid").toBe(true);

      const { valid, errors } = validate(schemaOf(op, where), withValueAt(start, pointer, bad));

      expect(valid).toBe(false);
      expect(errors.map((error) => [fieldOf(error), error.keyword])).toContainEqual([pointer, keyword]);
      expect(new Set(errors.map(fieldOf)), "no other field may be affected").toEqual(new Set([pointer]));
    },
  );

  it.each(AT_THE_LIMIT.map((row) => [`${row[0]} ${row[1]} ${row[2]} = ${show(row[3])} is accepted`, ...row] as const))(
    "%s",
    (_title, id, where, pointer, value) => {
      const op = operation(id);
      const { errors } = validate(schemaOf(op, where), withValueAt(validStart(op, where), pointer, value));
      expect(errors).toEqual([]);
    },
  );

  it("the table covers every constraint the request, parameter and 200 response schemas declare", () => {
    // `type` rows are extra checks: every property has a type, so the walk does not ask for them.
    const tested = new Set(
      CONSTRAINTS.filter(([, , , , keyword]) => keyword !== "type").map(([id, where, pointer, , keyword]) => {
        const field = keyword === "additionalProperties" ? parentOf(pointer) : pointer;
        return `${id} ${where} ${field} ${keyword}`;
      }),
    );
    const declared = new Set<string>();
    for (const op of operations) {
      for (const where of ["body", "path", "query", "header", "response"] as const) {
        for (const key of declaredConstraints(schemaOf(op, where))) {
          // A parameter's `required` is about the URL or header being there at all, not about its value.
          const parameterPresence = (where === "path" || where === "query" || where === "header") && key.endsWith(" required");
          if (!parameterPresence) declared.add(`${op.id} ${where} ${key}`);
        }
      }
    }
    expect([...declared].filter((key) => !tested.has(key)), "constraints without a row").toEqual([]);
    expect([...tested].filter((key) => !declared.has(key)), "rows without a constraint").toEqual([]);
  });

  it("request objects reject unknown fields, response objects tolerate them", () => {
    const closed = (schema: Schema): boolean =>
      schema.additionalProperties === false && Object.values<Schema>(schema.properties ?? {}).every((child) => child.type !== "object" || closed(child));
    for (const op of operations) {
      if (op.operation.requestBody) expect(closed(schemaOf(op, "body")), op.id).toBe(true);
      expect(schemaOf(op, "response").additionalProperties, op.id).toBeUndefined();
    }
  });

  it("gives the response defaults the traffic mirror page states", () => {
    const session = schemaOf(operation("UpdateTrafficMirrorSession"), "response").properties.traffic_mirror_session.properties;
    expect([session.virtual_network_id.default, session.packet_length.default, session.enabled.default]).toEqual([1, 96, false]);
    expect(session.enabled.type).toBe("boolean");
    expect(schemaOf(operation("UpdateTrafficMirrorSession"), "body").properties.traffic_mirror_session.properties.enabled.type).toBe("string");
  });
});

describe("error bodies", () => {
  const errorSchema = (id: OperationId, status: string): Schema =>
    operation(id).operation.responses[status].content["application/json"].schema;
  const flat = { error_code: "VPC.0008", error_msg: "Invalid token in the header." };
  const wrapped = { error: { code: "EndPoint.0005", message: "The requested resource does not exist." } };
  const cinder = { itemNotFound: { code: 404, message: "Snapshot could not be found." } };

  it.each([
    ["UpdateVpcPeering", flat, true],
    ["UpdateVpcPeering", wrapped, true],
    ["UpdateVpcPeering", cinder, false],
    ["CinderUpdateSnapshot", wrapped, true],
    ["CinderUpdateSnapshot", cinder, true],
    ["CinderUpdateSnapshot", { itemNotFound: { code: "XXX", message: "XXXX" } }, true],
    ["CinderUpdateSnapshot", { ...cinder, badRequest: cinder.itemNotFound }, false],
    ["UpdateDataSource", flat, true],
    ["UpdateDataSource", wrapped, false],
    ["UpdateEndpointRoutetable", wrapped, true],
    ["UpdateEndpointRoutetable", { error: "not an object" }, false],
  ] as Array<[OperationId, Json, boolean]>)("%s 404 with %j: accepted %s", (id, body, accepted) => {
    expect(validate(errorSchema(id, "404"), body).valid).toBe(accepted);
  });
});
