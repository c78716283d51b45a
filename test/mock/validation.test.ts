/**
 * The mock cloud checks path parameters and bodies with the same compiled
 * validators as the client, and answers what it rejects with a 400 in the
 * operation's own error shape, naming the field. The client's own validation
 * is switched off here so the bad input reaches the mock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BadRequestError, operations, type OperationId } from "../../src/index.ts";
import { MOCK_TOKEN, type MockCloud, startMockCloud } from "../../src/mock/index.ts";
import { validateInput } from "../../src/validate.ts";
import { ValidationError } from "../../src/errors.ts";
import { readyOperations } from "../helpers/operations.ts";
import { call, clientFor, errorMessage, expectServiceError, pathOf, rawPut, updateIds, validBody } from "./support.ts";

let cloud: MockCloud;
beforeAll(async () => {
  cloud = await startMockCloud();
});
afterAll(() => cloud.close());
beforeEach(() => {
  cloud.requests.length = 0;
});

async function badRequest(id: OperationId, args: Record<string, unknown>): Promise<BadRequestError> {
  const error = await call(clientFor(cloud, { validate: false }), id, args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadRequestError);
  return error as BadRequestError;
}

/** The field names the client's validator gives for the same input, e.g. "body.peering.name". */
function clientFields(id: OperationId, input: { path: Record<string, unknown>; body?: unknown }): string[] {
  try {
    validateInput(readyOperations[id], { query: {}, header: {}, ...input });
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.field);
    throw error;
  }
  return [];
}

function expectShape(id: OperationId, body: any): void {
  expectServiceError(id, 400, body, /^Invalid request: |^Malformed JSON/);
}

describe.each(updateIds)("%s", (id) => {
  it("answers an unknown body member with a 400 in its error shape naming the field the client's validator names", async () => {
    const body = { ...validBody(id), unexpected_member: true };
    const params = cloud.resources[id];
    const fields = clientFields(id, { path: params, body });
    expect(fields).toEqual(["body.unexpected_member"]);
    const error = await badRequest(id, { ...params, body });
    expectShape(id, error.body);
    expect(errorMessage(error.body)).toContain("body.unexpected_member");
    expect(cloud.requests[0]).toMatchObject({ operation: id, status: 400 });
  });

  it("answers a missing body with a 400 saying the body is required", async () => {
    const response = await rawPut(cloud, pathOf(id, cloud.resources[id]), "");
    expect(response.status).toBe(400);
    const body = await response.json();
    expectShape(id, body);
    expect(errorMessage(body)).toMatch(/body is required \(required\)/);
  });

  it("answers a JSON body sent as another media type, or as none, with a 415 in its error shape", async () => {
    const url = `${cloud.url}${pathOf(id, cloud.resources[id])}`;
    const text = JSON.stringify(validBody(id));
    // A string body with no Content-Type given: fetch sends text/plain;charset=UTF-8. Bytes: fetch sends none.
    const plain = await fetch(url, { method: "PUT", headers: { "X-Auth-Token": MOCK_TOKEN }, body: text });
    const none = await fetch(url, { method: "PUT", headers: { "X-Auth-Token": MOCK_TOKEN }, body: new TextEncoder().encode(text) });
    for (const response of [plain, none]) {
      expect(response.status).toBe(415);
      expectServiceError(id, 415, await response.json(), "Unsupported Content-Type: the request body must be sent as application/json.");
    }
    expect(cloud.requests.map((request) => request.headers["content-type"])).toEqual(["text/plain;charset=UTF-8", undefined]);
    expect((await rawPut(cloud, pathOf(id, cloud.resources[id]), text, { "Content-Type": "Application/JSON; charset=utf-8" })).status).toBe(200);
  });

  it("answers malformed JSON with a 400 in its error shape", async () => {
    const response = await rawPut(cloud, pathOf(id, cloud.resources[id]), '{"truncated":');
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    const body = await response.json();
    expectShape(id, body);
    expect(errorMessage(body)).toContain("Malformed JSON in the request body");
  });
});

describe("field-level rules", () => {
  it("a peering name over 64 characters: VPC's flat body names body.peering.name and maxLength", async () => {
    const error = await badRequest("UpdateVpcPeering", {
      ...cloud.resources.UpdateVpcPeering,
      body: { peering: { name: "n".repeat(65) } },
    });
    expect(error.code).toBe("VPC.0400");
    expect(errorMessage(error.body)).toBe("Invalid request: body.peering.name must NOT have more than 64 characters (maxLength)");
  });

  it("a snapshot name of 255 characters but 765 bytes: EVS's Cinder body names the byte limit", async () => {
    const error = await badRequest("CinderUpdateSnapshot", {
      ...cloud.resources.CinderUpdateSnapshot,
      body: { snapshot: { name: "快".repeat(255) } },
    });
    expect(Object.keys(error.body as object)).toEqual(["badRequest"]);
    expect(errorMessage(error.body)).toContain("body.snapshot.name must NOT have more than 255 bytes in UTF-8 (x-max-bytes)");
  });

  it("a mirror session priority out of range and an enabled flag of the wrong type: both fields named", async () => {
    const error = await badRequest("UpdateTrafficMirrorSession", {
      ...cloud.resources.UpdateTrafficMirrorSession,
      body: { traffic_mirror_session: { priority: 0, enabled: true } },
    });
    const message = errorMessage(error.body);
    expect(message).toContain("body.traffic_mirror_session.priority");
    expect(message).toContain("body.traffic_mirror_session.enabled");
  });

  it("a path parameter over its limit: VPCEP's wrapped body names path.vpc_endpoint_id", async () => {
    const error = await badRequest("UpdateEndpointRoutetable", {
      ...cloud.resources.UpdateEndpointRoutetable,
      vpc_endpoint_id: "e".repeat(65),
      body: validBody("UpdateEndpointRoutetable"),
    });
    expect((error.body as any).error.code).toBe("VPCEP.0400");
    expect(errorMessage(error.body)).toContain("path.vpc_endpoint_id must NOT have more than 64 characters (maxLength)");
  });

  it("an empty path segment is refused before routing, as a bad path, and reaches nothing", async () => {
    const response = await rawPut(cloud, "/v2.0/vpc/peerings/", JSON.stringify(validBody("UpdateVpcPeering")));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error_code).toBe("APIGW.0101");
    expect(errorMessage(body)).toContain("empty");
    expect(cloud.requests[0]?.operation).toBeUndefined();
  });

  it("a body that is valid JSON but not an object: DWS's flat body", async () => {
    const response = await rawPut(cloud, pathOf("UpdateDataSource", cloud.resources.UpdateDataSource), "[1,2]");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error_code).toBe("DWS.0400");
    expect(body.error_msg).toContain("body must be object (type)");
  });

  it("a valid body is not rejected: the same request with the page's sample gets 200", async () => {
    await call(clientFor(cloud, { validate: false }), "UpdateVpcPeering", {
      ...cloud.resources.UpdateVpcPeering,
      body: validBody("UpdateVpcPeering"),
    });
    expect(cloud.requests.map((r) => r.status)).toEqual([200]);
  });
});

describe("KeystoneListProjects, a GET with query parameters", () => {
  it("answers the seeded project of the spec's sample", async () => {
    const { projects } = await clientFor(cloud).iam.keystoneListProjects({ name: "cn-north-4" });
    expect(projects).toEqual([expect.objectContaining({ id: "89cd04f168b84af6be287f71730fdb4b", name: "cn-north-4" })]);
    expect(cloud.requests[0]).toMatchObject({ method: "GET", path: "/v3/projects?name=cn-north-4", status: 200 });
  });

  it("checks query parameters in the types their schemas give, naming the parameter", async () => {
    const error = await call(clientFor(cloud, { validate: false }), "KeystoneListProjects", { per_page: 0 }).then(
      () => undefined,
      (e: unknown) => e as BadRequestError,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(errorMessage(error!.body)).toContain("query.per_page must be >= 1 (minimum)");
    const fine = await fetch(`${cloud.url}/v3/projects?per_page=10&page=1&enabled=true&trace=ignored`, { headers: { "X-Auth-Token": MOCK_TOKEN } });
    expect(fine.status).toBe(200);
  });
});
