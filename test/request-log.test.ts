import { describe, expect, it } from "vitest";
import { formatRequestLog } from "../scripts/request-log.ts";
import type { RecordedRequest } from "../src/mock/server.ts";

const uuid = "22b76469-5f3e-4c1a-9a57-0c2e8e7b1a11";
const project = "89cd04f1a2b34c5d6e7f8091a2b3c4d5";

function recorded(overrides: Partial<RecordedRequest>): RecordedRequest {
  return {
    method: "PUT",
    path: `/v2.0/vpc/peerings/${uuid}`,
    headers: {},
    body: { peering: { name: "peering-prod-shared" } },
    status: 200,
    requestId: "r",
    receivedAt: 0,
    operation: "UpdateVpcPeering",
    auth: { ok: true, scheme: "aksk" },
    ...overrides,
  } as RecordedRequest;
}

describe("formatRequestLog", () => {
  it("shows each request's number, auth, operation, status, method, path and body", () => {
    const log = formatRequestLog([recorded({}), recorded({ status: 503, fault: { status: 503 } as RecordedRequest["fault"] })]);
    expect(log.split("\n")).toEqual([
      "#  auth   operation         got",
      "-  -----  ----------------  --------------",
      "1  AK/SK  UpdateVpcPeering  200",
      "    PUT /v2.0/vpc/peerings/22b76469…",
      '    {"peering":{"name":"peering-prod-shared"}}',
      "2  AK/SK  UpdateVpcPeering  503 (injected)",
      "    PUT /v2.0/vpc/peerings/22b76469…",
      '    {"peering":{"name":"peering-prod-shared"}}',
    ]);
  });

  it("fits every line in the width, cutting what is longer with an ellipsis", () => {
    const long = recorded({
      path: `/v1.0/${project}/clusters/${uuid}/ext-data-sources/${uuid}/${"x".repeat(80)}`,
      body: { reconfigure: { agency: "A".repeat(200) } },
    });
    const lines = formatRequestLog([long], 100).split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(lines[3]).toMatch(/^ {4}PUT \/v1\.0\/89cd04f1…\/clusters\/22b76469…\/ext-data-sources\/22b76469…\/x+…$/);
    expect(lines[4]).toHaveLength(100);
    expect(lines[4]).toMatch(/^ {4}\{"reconfigure":\{"agency":"A+…$/);
  });

  it("leaves out the body line of a request without a body", () => {
    const lines = formatRequestLog([recorded({ body: undefined, status: undefined })]).split("\n");
    expect(lines).toEqual([
      "#  auth   operation         got",
      "-  -----  ----------------  -----",
      "1  AK/SK  UpdateVpcPeering  reset",
      "    PUT /v2.0/vpc/peerings/22b76469…",
    ]);
  });
});
