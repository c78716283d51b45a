import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HuaweiCloudError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../src/index.ts";
import { createHuaweiCloudError, errorFromResponse, parseErrorBody } from "../src/errors.ts";

describe("status to class", () => {
  const cases: Array<[number, typeof HuaweiCloudError]> = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
    [502, ServerError],
    [503, ServerError],
    [504, ServerError],
  ];
  it.each(cases)("%i becomes %o", (status, ErrorClass) => {
    const error = createHuaweiCloudError({ status, headers: {}, body: "" });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it("a 4xx without its own class is a plain HuaweiCloudError", () => {
    const error = createHuaweiCloudError({ status: 405, headers: {}, body: "" });
    expect(error.constructor).toBe(HuaweiCloudError);
  });
});

describe("error body shapes", () => {
  it('reads {"error":{"code","message"}}', () => {
    expect(parseErrorBody({ error: { code: "EVS.2024", message: "bad snapshot" } })).toEqual({
      code: "EVS.2024",
      message: "bad snapshot",
    });
  });

  it('reads {"error_code","error_msg"}', () => {
    expect(parseErrorBody({ error_code: "VPC.0202", error_msg: "peering not found" })).toEqual({
      code: "VPC.0202",
      message: "peering not found",
    });
  });

  it("reads Cinder's wrapper with a numeric code, keeping the wrapper key as the code", () => {
    expect(parseErrorBody({ itemNotFound: { code: 404, message: "Snapshot x could not be found." } })).toEqual({
      code: "itemNotFound",
      message: "Snapshot x could not be found.",
    });
    expect(parseErrorBody({ badRequest: { code: "EVS.1001", message: "Invalid input" } })).toEqual({
      code: "EVS.1001",
      message: "Invalid input",
    });
  });

  it("keeps a non-JSON body as text, shortened in the message", () => {
    expect(parseErrorBody("<html>Bad Gateway</html>")).toEqual({ message: "<html>Bad Gateway</html>" });
    expect(parseErrorBody("x".repeat(500)).message).toHaveLength(201);
    expect(parseErrorBody("")).toEqual({});
  });
});

describe("errorFromResponse", () => {
  it("keeps status, code, message, request id, headers, operation and the parsed body", async () => {
    const body = { itemNotFound: { code: 404, message: "Snapshot s-1 could not be found." } };
    const response = new Response(JSON.stringify(body), {
      status: 404,
      headers: { "X-Request-Id": "req-123", "Content-Type": "application/json" },
    });
    const error = await errorFromResponse(response, { operation: "CinderUpdateSnapshot", attempts: 1 });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: "itemNotFound",
      requestId: "req-123",
      operation: "CinderUpdateSnapshot",
      attempts: 1,
      body,
    });
    expect(error.headers["content-type"]).toBe("application/json");
    expect(error.message).toBe(
      "CinderUpdateSnapshot failed: 404 itemNotFound: Snapshot s-1 could not be found. (request id req-123)",
    );
  });

  it("keeps a non-JSON body whole in `body`", async () => {
    const error = await errorFromResponse(new Response("upstream timed out", { status: 504 }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.body).toBe("upstream timed out");
    expect(error.code).toBeUndefined();
    expect(error.message).toBe("request failed: 504: upstream timed out");
  });
});

describe("ValidationError", () => {
  it("names the operation, each field and each rule", () => {
    const error = new ValidationError("UpdateTrafficMirrorSession", [
      { field: "body.traffic_mirror_session.priority", rule: "maximum", message: "must be <= 32766" },
    ]);
    expect(error.message).toBe(
      "UpdateTrafficMirrorSession: invalid input: body.traffic_mirror_session.priority must be <= 32766 (maximum)",
    );
    expect(error.field).toBe("body.traffic_mirror_session.priority");
    expect(error.rule).toBe("maximum");
    expect(error.attempts).toBe(0);
    expect(inspect(error)).toContain("body.traffic_mirror_session.priority");
  });
});
