import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  HuaweiCloudError,
  HwcloudTypedError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "../src/index.ts";
import { createHuaweiCloudError, parseErrorBody } from "../src/errors.ts";

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

describe("HuaweiCloudError", () => {
  it("keeps status, code, message, request id, headers, operation, attempts and the parsed body", () => {
    const body = { itemNotFound: { code: 404, message: "Snapshot s-1 could not be found." } };
    const error = createHuaweiCloudError({
      status: 404,
      operation: "CinderUpdateSnapshot",
      requestId: "req-123",
      headers: { "content-type": "application/json", "x-request-id": "req-123" },
      body,
      attempts: 2,
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "itemNotFound", requestId: "req-123", operation: "CinderUpdateSnapshot", attempts: 2, body });
    expect(error.headers["content-type"]).toBe("application/json");
    expect(error.message).toBe("CinderUpdateSnapshot failed: 404 itemNotFound: Snapshot s-1 could not be found. (request id req-123)");
  });

  it("quotes at most 200 characters of a JSON body's code and message, keeping both whole in `code` and `body`", () => {
    const body = { error_code: `VPC.${"7".repeat(5000)}`, error_msg: "m".repeat(5000) };
    const error = createHuaweiCloudError({ status: 400, headers: {}, body });
    expect(error.code).toBe(body.error_code);
    expect(error.body).toBe(body);
    expect(error.message).toBe(`request failed: 400 ${body.error_code.slice(0, 200)}…: ${"m".repeat(200)}…`);
  });

  it("quotes no control character a server sent (terminal escapes, line breaks) into the message, which ends up in logs; `code` and `body` keep them", () => {
    const body = { error_code: "VPC.0001\u001b[2J", error_msg: "bad\u001b[31m red\u001b[0m\r\nFAKE LOG LINE\u0000\u009b end" };
    const error = createHuaweiCloudError({ status: 400, headers: {}, body });
    expect(error.message).toBe("request failed: 400 VPC.0001 [2J: bad [31m red [0m FAKE LOG LINE end");
    expect(error.code).toBe(body.error_code);
    expect(error.body).toBe(body);
    expect(createHuaweiCloudError({ status: 502, headers: {}, body: "bad\ngateway\u001b[0m" }).message).toBe("request failed: 502: bad gateway [0m");
  });

  it("quotes a message holding a long run of plain spaces in linear time (a pattern backtracking over it took 8 s for 100 KB)", () => {
    const spaces = `a${" ".repeat(100_000)}b`;
    const started = performance.now();
    const fromJson = createHuaweiCloudError({ status: 500, headers: {}, body: { error_code: "APIGW.0001", error_msg: spaces } });
    const fromText = createHuaweiCloudError({ status: 502, headers: {}, body: `${spaces}\u001b` });
    // A hang guard, far above the linear time (a few ms) and far below the backtracking one.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(fromJson.message).toBe(`request failed: 500 APIGW.0001: ${spaces.slice(0, 200)}…`);
    expect(fromText.message).toBe(`request failed: 502: ${spaces.slice(0, 200)}…`);
  });

  it("keeps a non-JSON body whole in `body`, and quotes it in the message", () => {
    const error = createHuaweiCloudError({ status: 504, headers: {}, body: "upstream timed out" });
    expect(error).toBeInstanceOf(ServerError);
    expect(error.body).toBe("upstream timed out");
    expect(error.code).toBeUndefined();
    expect(error.message).toBe("request failed: 504: upstream timed out");
    expect(createHuaweiCloudError({ status: 503, headers: {}, body: undefined }).message).toBe("request failed: 503: HTTP 503");
  });

  it.each([301, 302, 303, 307, 308])("for a %i, which is never followed, says where it pointed", (status) => {
    const error = createHuaweiCloudError({ status, headers: { location: "https://elsewhere.example.com/" }, body: undefined });
    expect(error.constructor).toBe(HuaweiCloudError);
    expect(error.location).toBe("https://elsewhere.example.com/");
    expect(createHuaweiCloudError({ status, headers: {}, body: undefined }).location).toBeUndefined();
  });
});

describe("every failure is a HwcloudTypedError", () => {
  it.each<[string, HwcloudTypedError]>([
    ["HuaweiCloudError", createHuaweiCloudError({ status: 400, headers: {}, body: "" })],
    ["ConnectionError", new ConnectionError("refused")],
    ["TimeoutError", new TimeoutError("slow")],
    ["AbortError", new AbortError("aborted")],
    ["ValidationError", new ValidationError("op", [])],
    ["InvalidResponseError", new InvalidResponseError("is not JSON", { status: 200, excerpt: "" })],
    ["ResponseTooLargeError", new ResponseTooLargeError({ status: 200, maxResponseBytes: 1 })],
  ])("%s", (_, error) => {
    expect(error).toBeInstanceOf(HwcloudTypedError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(error.constructor.name);
  });
});

describe("ConnectionError", () => {
  it("assumes the request may have been sent and may be retried, unless told otherwise", () => {
    expect(new ConnectionError("reset")).toMatchObject({ requestSent: true, retryable: true, attempts: 1 });
    expect(new ConnectionError("refused", { requestSent: false })).toMatchObject({ requestSent: false, retryable: true });
    expect(new ConnectionError("bad certificate", { retryable: false, cause: new Error("CERT") })).toMatchObject({ retryable: false });
  });

  it("has TimeoutError as a kind of it", () => {
    expect(new TimeoutError("slow")).toBeInstanceOf(ConnectionError);
  });
});

describe("InvalidResponseError and ResponseTooLargeError", () => {
  it("name the operation, the status, the content type and the request id", () => {
    const error = new InvalidResponseError("is not JSON", {
      status: 200,
      operation: "UpdateVpcPeering",
      requestId: "r-1",
      contentType: "text/html",
      excerpt: "<html>",
    });
    expect(error.message).toBe("UpdateVpcPeering: the 200 answer is not JSON (content type text/html, request id r-1)");
    expect(error).toMatchObject({ status: 200, requestId: "r-1", contentType: "text/html", excerpt: "<html>" });
    expect(new InvalidResponseError("has no body", { status: 201, excerpt: "" }).message).toBe("request: the 201 answer has no body (content type none)");
  });

  it("say which cap an answer broke", () => {
    const error = new ResponseTooLargeError({ status: 500, maxResponseBytes: 1024, operation: "UpdateVpcPeering" });
    expect(error.message).toBe("UpdateVpcPeering: the 500 answer is longer than maxResponseBytes (1024)");
    expect(error).toMatchObject({ status: 500, maxResponseBytes: 1024, operation: "UpdateVpcPeering" });
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
