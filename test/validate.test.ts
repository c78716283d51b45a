/**
 * Validation before I/O: every constraint of the pages, broken one at a time
 * through the public client, is refused with a ValidationError that names the
 * operation, the field and the rule, and the server never sees a request.
 */
import { describe, expect, it } from "vitest";
import { createClient, type HwcloudClient, operations, ValidationError } from "../src/index.ts";
import { requestExamples } from "../src/mock/spec.ts";
import { validateInput } from "../src/validate.ts";
import { CONSTRAINTS, type Json, type OperationId, REMOVE, segments, withValueAt } from "./helpers/constraints.ts";
import { useLoopbackCloud } from "./helpers/loopback-cloud.ts";

const cloud = useLoopbackCloud();

function requestExample(id: OperationId): Json {
  return requestExamples(id)[0]!.value;
}

function validPath(id: OperationId): Record<string, string> {
  return Object.fromEntries(operations[id].pathParams.map((name) => [name, `${name}-1`]));
}

function callOf(client: HwcloudClient<boolean>, id: OperationId) {
  const service = client[operations[id].service] as Record<string, (args: object) => Promise<unknown>>;
  return service[id.charAt(0).toLowerCase() + id.slice(1)]!;
}

const client = () => createClient({ credentials: { token: "t" }, projectId: "p", endpoints: cloud.endpoints });

const rows = CONSTRAINTS.filter(([, where]) => where === "body" || where === "path");

describe("every documented constraint, broken through the client", () => {
  it.each(rows.map((row) => [`${row[0]} ${row[1]}${row[2]} breaks ${row[4]}`, ...row] as const))(
    "%s",
    async (_title, id, where, pointer, bad, rule) => {
      const path = validPath(id);
      const body = requestExample(id);
      const args =
        where === "path" ? { ...withValueAt(path, pointer, bad), body } : { ...path, body: withValueAt(body, pointer, bad) };
      const error = await callOf(client(), id)(args).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      const field = [where, ...segments(pointer)].join(".");
      expect((error as ValidationError).operation).toBe(id);
      expect((error as ValidationError).issues).toContainEqual(expect.objectContaining({ field, rule }));
      expect((error as ValidationError).message).toContain(field);
      expect(cloud.server.requests).toHaveLength(0);
    },
  );

  it("covers body and path rows of every operation", () => {
    expect(new Set(rows.map(([id]) => id))).toEqual(new Set(Object.keys(operations)));
    expect(rows.some(([, , , value]) => value === REMOVE)).toBe(true);
  });
});

describe("valid input", () => {
  it.each(Object.keys(operations) as OperationId[])("the spec's example for %s passes and is sent", async (id) => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    await callOf(client(), id)({ ...validPath(id), body: requestExample(id) });
    expect(cloud.server.requests).toHaveLength(1);
  });

  it("validation can be turned off: a bad body is then sent and judged by the server", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    const lax = createClient({ credentials: { token: "t" }, projectId: "p", endpoints: cloud.endpoints, validate: false });
    await lax.vpc.updateTrafficMirrorSession({
      traffic_mirror_session_id: "s",
      body: { traffic_mirror_session: { priority: 0 } },
    });
    expect(cloud.server.requests).toHaveLength(1);
  });
});

describe("validateInput", () => {
  it("reports every broken field at once", () => {
    let caught: ValidationError | undefined;
    try {
      validateInput("UpdateTrafficMirrorSession", {
        path: { project_id: "", traffic_mirror_session_id: "s" },
        body: { traffic_mirror_session: { priority: 0, packet_length: 5000, colour: "red" } },
      });
    } catch (error) {
      caught = error as ValidationError;
    }
    expect(caught?.issues.map(({ field, rule }) => `${field} ${rule}`).sort()).toEqual([
      "body.traffic_mirror_session.colour additionalProperties",
      "body.traffic_mirror_session.packet_length maximum",
      "body.traffic_mirror_session.priority minimum",
      "path.project_id minLength",
    ]);
  });
});
