/**
 * The mock cloud's CORS: a page on another origin gets its preflights
 * answered and may read the answers, X-Request-Id included.
 */
import { describe, expect, it } from "vitest";
import { MOCK_TOKEN } from "../../src/mock/index.ts";
import { pathOf, rawPut, useMockCloud, validBody } from "./support.ts";

const start = useMockCloud();
const origin = "http://127.0.0.1:5173";

function preflight(url: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "PUT", ...headers } });
}

describe("CORS", () => {
  it("answers a preflight from any origin, allowing the method and every header the client signs and sends", async () => {
    const mock = await start();
    const asked = "authorization,content-type,x-project-id,x-sdk-date,x-security-token";
    const response = await preflight(`${mock.url}${pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering)}`, {
      "Access-Control-Request-Headers": asked,
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-allow-methods")).toBe("PUT");
    expect(response.headers.get("access-control-allow-headers")).toBe(asked);
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  });

  it("does not record preflights, which are the browser's and not calls to the cloud", async () => {
    const mock = await start();
    await preflight(`${mock.url}/no/such/api`, { "Access-Control-Request-Headers": "x-auth-token" });
    expect(mock.requests).toEqual([]);
  });

  it("allows a page on a non-loopback address to reach the loopback mock when Chrome asks", async () => {
    const mock = await start();
    const response = await preflight(`${mock.url}/`, { "Access-Control-Request-Private-Network": "true" });
    expect(response.headers.get("access-control-allow-private-network")).toBe("true");
  });

  it("lets the page read every answer, successes and errors, with X-Request-Id exposed", async () => {
    const mock = await start();
    const path = pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering);
    const responses = [
      await rawPut(mock, path, JSON.stringify(validBody("UpdateVpcPeering")), { Origin: origin }),
      await rawPut(mock, path, "{}", { Origin: origin, "X-Auth-Token": "nope" }),
      await rawPut(mock, "/no/such/api", "{}", { Origin: origin }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 401, 404]);
    for (const response of responses) {
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-expose-headers")).toMatch(/\bX-Request-Id\b/);
      expect(response.headers.get("access-control-expose-headers")).toMatch(/\bRetry-After\b/);
      // The client reads Date on a 401 to correct a skewed clock; a page cannot read it unless exposed.
      expect(response.headers.get("access-control-expose-headers")).toMatch(/\bDate\b/);
    }
  });

  it("adds no CORS headers to a request without an Origin, and treats a bare OPTIONS as an API call (a method the path lacks)", async () => {
    const mock = await start();
    const path = pathOf("UpdateVpcPeering", mock.resources.UpdateVpcPeering);
    const put = await rawPut(mock, path, JSON.stringify(validBody("UpdateVpcPeering")));
    expect(put.headers.get("access-control-allow-origin")).toBeNull();
    const options = await fetch(`${mock.url}${path}`, { method: "OPTIONS", headers: { "X-Auth-Token": MOCK_TOKEN } });
    expect(options.status).toBe(405);
    expect(mock.requests.map((request) => request.method)).toEqual(["PUT", "OPTIONS"]);
  });
});
