/**
 * A bytesResponse answers as a web Response built on the same bytes would:
 * each case runs the same steps on both and compares what comes out.
 */
import { describe, expect, it } from "vitest";
import { createClient } from "../../src/index.ts";
import { asWebResponse, bytesResponse } from "../../src/transport/bytes-response.ts";
import { useLoopbackCloud } from "../helpers/loopback-cloud.ts";

const JSON_BODY = '{"peering":{"id":"p-1","name":"é"}}';
const init = () => ({ status: 200, statusText: "OK", headers: new Headers({ "content-type": "application/json", "x-request-id": "r-1" }) });
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The same answer twice: ours, and the web Response it stands in for. */
function both(body: string | null = JSON_BODY, answer = init()) {
  const bytes = body === null ? null : bytesOf(body);
  return { ours: bytesResponse(bytes, answer), web: new Response(bytes === null ? null : bytesOf(body!), { ...answer, headers: new Headers(answer.headers) }) };
}

/** What a step gives: its value, or the class and message of what it threw or rejected with. */
async function outcome(step: () => unknown): Promise<unknown> {
  try {
    const value = await step();
    if (value instanceof ArrayBuffer) return { arrayBuffer: [...new Uint8Array(value)] };
    if (value instanceof Uint8Array) return { bytes: [...value] };
    if (value instanceof Blob) return { blob: value.type, text: await value.text() };
    return { value };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}

type Step = (response: Response) => unknown;
const read: Record<string, Step> = {
  text: (r) => r.text(),
  json: (r) => r.json(),
  arrayBuffer: (r) => r.arrayBuffer(),
  bytes: (r) => r.bytes(),
  blob: (r) => r.blob(),
};

describe("bytesResponse", () => {
  it("carries status, statusText, ok, headers and the fixed members of a constructed Response", () => {
    const { ours, web } = both();
    for (const key of ["status", "statusText", "ok", "type", "url", "redirected", "bodyUsed"] as const) {
      expect(ours[key], key).toEqual(web[key]);
    }
    expect(Object.fromEntries(ours.headers)).toEqual(Object.fromEntries(web.headers));
    expect(bytesResponse(null, { ...init(), status: 503 }).ok).toBe(false);
  });

  it.each(Object.keys(read))("reads with %s() as a Response does, and only once", async (name) => {
    const { ours, web } = both();
    expect(await outcome(() => read[name]!(ours))).toEqual(await outcome(() => read[name]!(web)));
    expect(ours.bodyUsed).toBe(web.bodyUsed);
    expect(ours.bodyUsed).toBe(true);
    for (const again of Object.values(read)) {
      const second = await outcome(() => again(ours));
      expect(second).toEqual(await outcome(() => again(web)));
      expect(second).toEqual({ threw: "TypeError" });
    }
  });

  it("rejects a body that is not JSON with the SyntaxError of json()", async () => {
    const { ours, web } = both("not json");
    const first = await outcome(() => ours.json());
    expect(first).toEqual(await outcome(() => web.json()));
    expect(first).toEqual({ threw: "SyntaxError" });
  });

  it("with no body: body is null, reads give empty results every time, bodyUsed stays false", async () => {
    const { ours, web } = both(null, { ...init(), status: 204, statusText: "No Content" });
    expect(ours.body).toBeNull();
    for (const step of [...Object.values(read), ...Object.values(read)]) {
      expect(await outcome(() => step(ours))).toEqual(await outcome(() => step(web)));
    }
    expect(ours.bodyUsed).toBe(false);
  });

  it("hands out a copy from arrayBuffer() and bytes(): writing to it changes no other reader", async () => {
    const ours = bytesResponse(bytesOf(JSON_BODY), init());
    const twin = ours.clone();
    const copy = new Uint8Array(await ours.arrayBuffer());
    copy.fill(0);
    expect(await twin.text()).toBe(JSON_BODY);
  });

  it("clones before reading into two independent answers, and refuses to clone after, as a Response does", async () => {
    const { ours, web } = both();
    const [ourClone, webClone] = [ours.clone(), web.clone()];
    expect(await ourClone.json()).toEqual(await webClone.json());
    expect(await ours.text()).toBe(await web.text());
    expect(await outcome(() => ours.clone())).toEqual(await outcome(() => web.clone()));
    expect(await outcome(() => ours.clone())).toEqual({ threw: "TypeError" });
  });

  it("streams its bytes from body, after which the other readers find it used", async () => {
    const { ours } = both();
    expect(await new Response(ours.body).text()).toBe(JSON_BODY);
    expect(ours.bodyUsed).toBe(true);
    expect(await outcome(() => ours.text())).toEqual({ threw: "TypeError" });
  });

  it("parses form bodies with formData() as a Response does", async () => {
    const answer = { ...init(), headers: new Headers({ "content-type": "application/x-www-form-urlencoded" }) };
    const { ours, web } = both("a=1&b=%C3%A9", answer);
    expect([...(await ours.formData())]).toEqual([...(await web.formData())]);
  });

  it("refuses a status a Response refuses, with the same error", () => {
    for (const status of [199, 600]) {
      const ours = (() => {
        try {
          return bytesResponse(null, { ...init(), status });
        } catch (error) {
          return (error as Error).constructor.name;
        }
      })();
      expect(ours).toBe("RangeError");
    }
  });
});

describe("asWebResponse", () => {
  it("turns an unread bytesResponse into a real Response with the same answer", async () => {
    const web = asWebResponse(bytesResponse(bytesOf(JSON_BODY), init()));
    expect(web).toBeInstanceOf(Response);
    expect([web.status, web.statusText, web.headers.get("x-request-id")]).toEqual([200, "OK", "r-1"]);
    expect(await web.json()).toEqual(JSON.parse(JSON_BODY));
  });

  it("keeps a read body read: the real Response is used up too", async () => {
    const ours = bytesResponse(bytesOf(JSON_BODY), init());
    await ours.json();
    const web = asWebResponse(ours);
    expect(web.bodyUsed).toBe(true);
    await expect(web.text()).rejects.toBeInstanceOf(TypeError);
  });

  it("gives the same Response every time, the one whose body stream was handed out", () => {
    const ours = bytesResponse(bytesOf(JSON_BODY), init());
    const stream = ours.body;
    expect(asWebResponse(ours).body).toBe(stream);
    expect(asWebResponse(ours)).toBe(asWebResponse(ours));
  });

  it("passes a real Response through untouched", () => {
    const web = new Response("x");
    expect(asWebResponse(web)).toBe(web);
  });
});

describe("through the client", () => {
  const cloud = useLoopbackCloud();
  const client = () => createClient({ credentials: { token: "t" }, projectId: "proj", endpoints: cloud.endpoints });

  it("raw callers still get a real web Response, read as openapi-fetch left it", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json", "x-request-id": "r-9" }, body: JSON_BODY });
    const result = await client().raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
      params: { path: { peering_id: "p-1" } },
      body: { peering: { name: "é" } },
    });
    expect(result.response).toBeInstanceOf(Response);
    expect(result.response.headers.get("x-request-id")).toBe("r-9");
    expect(result.response.bodyUsed).toBe(true);
    expect(result.data).toEqual(JSON.parse(JSON_BODY));
  });

  it("raw callers asking for the stream get the body of that same Response", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: JSON_BODY });
    const result = await client().raw.vpc.PUT("/v2.0/vpc/peerings/{peering_id}", {
      params: { path: { peering_id: "p-1" } },
      body: { peering: { name: "é" } },
      parseAs: "stream",
    });
    expect(result.response).toBeInstanceOf(Response);
    expect(result.data).toBe(result.response.body);
    expect(await new Response(result.data as ReadableStream).text()).toBe(JSON_BODY);
  });

  it("named calls return the parsed body", async () => {
    cloud.server.setFallback({ status: 200, headers: { "content-type": "application/json" }, body: JSON_BODY });
    expect(await client().vpc.updateVpcPeering({ peering_id: "p-1", body: { peering: { name: "é" } } })).toEqual(JSON.parse(JSON_BODY));
  });
});
