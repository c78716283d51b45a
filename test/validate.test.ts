/**
 * Validation before I/O: every constraint of the pages, broken one at a time
 * through the public client, is refused with a ValidationError that names the
 * operation, the field and the rule, and the server never sees a request.
 */
import { describe, expect, it } from "vitest";
import { createClient, type HwcloudClient, operations, ValidationError } from "../src/index.ts";
import { validateInput } from "../src/validate.ts";
import { CONSTRAINTS, type Json, type OperationId, REMOVE, segments, withValueAt } from "./helpers/constraints.ts";
import { useLoopbackCloud } from "./helpers/use-loopback.ts";
import { readyOperations, testOperations } from "./helpers/operations.ts";
import { paramsIn, requestExample } from "./helpers/spec.ts";
import { thrownBy } from "./helpers/thrown.ts";

const cloud = useLoopbackCloud();

const ids = Object.keys(operations) as OperationId[];

function validPath(id: OperationId): Record<string, string> {
  return Object.fromEntries(paramsIn(id, "path").map((name) => [name, `${name}-1`]));
}

/** Valid arguments: path values, and the page's example body when the operation takes one. */
function validArgs(id: OperationId): Record<string, Json> {
  return { ...validPath(id), ...(operations[id].body === "none" ? {} : { body: requestExample(id) }) };
}

function callOf(client: HwcloudClient, id: OperationId) {
  const service = client[operations[id].service] as Record<string, (args?: object) => Promise<unknown>>;
  return service[operations[id].name]!;
}

const client = () => createClient({ credentials: { token: "t" }, projectId: "p", endpoints: cloud.endpoints });

/** Request-side rows: named-call arguments are flat, so path, query and header parameters sit beside `body`. */
const rows = CONSTRAINTS.filter(([, where]) => where !== "response");

describe("every documented constraint, broken through the client", () => {
  it.each(rows.map((row) => [`${row[0]} ${row[1]}${row[2]} breaks ${row[4]}`, ...row] as const))(
    "%s",
    async (_title, id, where, pointer, bad, rule) => {
      const valid = validArgs(id);
      const args = where === "body" ? { ...valid, body: withValueAt(valid.body, pointer, bad) } : withValueAt(valid, pointer, bad);
      const error = await callOf(client(), id)(args).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      const field = [where, ...segments(pointer)].join(".");
      expect((error as ValidationError).operation).toBe(id);
      expect((error as ValidationError).issues).toContainEqual(expect.objectContaining({ field, rule }));
      expect((error as ValidationError).message).toContain(field);
      expect(cloud.server.received).toHaveLength(0);
    },
  );

  it("covers every operation: its body, path, query and header parameters, where it has them", () => {
    const covered = (where: string) => new Set(rows.filter((row) => row[1] === where).map(([id]) => id));
    expect(covered("body")).toEqual(new Set(ids.filter((id) => operations[id].body !== "none")));
    for (const location of ["path", "query", "header"]) {
      expect(covered(location), location).toEqual(new Set(ids.filter((id) => paramsIn(id, location).length > 0)));
    }
    expect(rows.some(([, , , value]) => value === REMOVE)).toBe(true);
  });
});

describe("a missing body", () => {
  const withBody = ids.filter((id) => operations[id].body === "required");

  it.each(withBody)("is refused as missing for %s, whose body is required", async (id) => {
    const error = await callOf(client(), id)(validPath(id)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: "body", rule: "required" });
    expect(cloud.server.received).toHaveLength(0);
  });

  it("is checked on several operations", () => {
    expect(withBody.length).toBeGreaterThanOrEqual(5);
  });
});

describe("an argument the operation does not have", () => {
  it.each(ids)("is refused for %s, named as given", async (id) => {
    const error = await callOf(client(), id)({ ...validArgs(id), not_a_parameter: "x" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ValidationError", field: "not_a_parameter", rule: "additionalProperties" });
    expect(cloud.server.received).toHaveLength(0);
  });
});

describe("a body given to an operation that takes none", () => {
  it.each(ids.filter((id) => operations[id].body === "none"))("is refused for %s, naming body", async (id) => {
    const error = await callOf(client(), id)({ ...validArgs(id), body: {} }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ValidationError", field: "body", rule: "additionalProperties" });
    expect(cloud.server.received).toHaveLength(0);
  });
});

describe("a body member left undefined", () => {
  // JSON leaves it out, so counting it would send `{"peering":{}}`, which the pages forbid (at least one field).
  it.each([
    ["UpdateVpcPeering", { peering: { name: undefined } }, "body.peering"],
    ["UpdateTrafficMirrorSession", { traffic_mirror_session: { priority: undefined, enabled: undefined } }, "body.traffic_mirror_session"],
  ] as Array<[OperationId, Json, string]>)("is no field of %s: %s with only undefined members is refused as empty", async (id, body, field) => {
    const error = await callOf(client(), id)({ ...validPath(id), body }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ field, rule: "minProperties" })]);
    expect(cloud.server.received).toHaveLength(0);
  });

  it("beside a given field, is simply not sent", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    await client().vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: "renamed", description: undefined } } });
    expect(cloud.server.received.map((request) => request.body.toString())).toEqual(['{"peering":{"name":"renamed"}}']);
  });
});

describe("a length limit", () => {
  // The pages count characters, as JSON Schema's maxLength does; an emoji is one character but two UTF-16 units.
  const rocket = "\u{1F680}";

  it.each([
    ["UpdateVpcPeering", { peering: { name: rocket.repeat(64) } }],
    ["UpdateTrafficMirrorSession", { traffic_mirror_session: { description: `Launch ${rocket}`.repeat(31) } }],
  ] as Array<[OperationId, Json]>)("counts characters for %s, so a value within it in characters is sent", async (id, body) => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    await callOf(client(), id)({ ...validPath(id), body });
    expect(cloud.server.received).toHaveLength(1);
  });

  it("refuses one character more, naming the field", async () => {
    const error = await client()
      .vpc.updateVpcPeering({ peering_id: "p", body: { peering: { name: rocket.repeat(65) } } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "ValidationError", field: "body.peering.name", rule: "maxLength" });
    expect(cloud.server.received).toHaveLength(0);
  });
});

describe("valid input", () => {
  it.each(ids)("the spec's example for %s passes and is sent", async (id) => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    await callOf(client(), id)(validArgs(id));
    expect(cloud.server.received).toHaveLength(1);
  });

  it("validation can be turned off: a bad body is then sent and judged by the server", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    const lax = createClient({ credentials: { token: "t" }, projectId: "p", endpoints: cloud.endpoints, validate: false });
    await lax.vpc.updateTrafficMirrorSession({
      traffic_mirror_session_id: "s",
      body: { traffic_mirror_session: { priority: 0 } },
    });
    expect(cloud.server.received).toHaveLength(1);
  });
});

function issuesOf(run: () => void): string[] {
  return thrownBy(run, ValidationError).issues.map(({ field, rule }) => `${field} ${rule}`).sort();
}

describe("validateInput", () => {
  it("reports every broken field at once", () => {
    const issues = issuesOf(() =>
      validateInput(readyOperations.UpdateTrafficMirrorSession, {
        path: { project_id: "", traffic_mirror_session_id: "s" },
        query: {},
        header: {},
        body: { traffic_mirror_session: { priority: 0, packet_length: 5000, colour: "red" } },
      }),
    );
    expect(issues).toEqual([
      "body.traffic_mirror_session.colour additionalProperties",
      "body.traffic_mirror_session.packet_length maximum",
      "body.traffic_mirror_session.priority minimum",
      "path.project_id minLength",
    ]);
  });

  it("checks query and header parameters, naming each as query.<name> or header.<name> with its rule", () => {
    const issues = issuesOf(() =>
      validateInput(testOperations.ListServers, {
        path: { project_id: "p" },
        query: { limit: 0, status: "GONE", colour: "red" },
        header: { "X-Language": "fr" },
      }),
    );
    expect(issues).toEqual([
      "header.X-Client-Token required",
      "header.X-Language enum",
      "query.colour additionalProperties",
      "query.limit minimum",
      "query.status enum",
    ]);
  });

  it("names the operation and passes valid input", () => {
    const input = { path: { project_id: "p" }, query: { limit: 1000 }, header: { "X-Client-Token": "t" } };
    expect(() => validateInput(testOperations.ListServers, input)).not.toThrow();
    expect(() => validateInput(testOperations.ListServers, { ...input, query: { limit: 1001 } })).toThrow(/^ListServers: invalid input: query\.limit /);
  });
});
