import { describe, expect, it } from "vitest";
import { serviceNames } from "../src/endpoints.ts";
import { createClient, defaultEndpoint, resolveEndpoints, services, ValidationError } from "../src/index.ts";

describe("default endpoints", () => {
  it("follow the spec's servers: https://{service}.{region}.myhuaweicloud.com, cn-north-4 by default", () => {
    expect(resolveEndpoints()).toEqual({
      vpc: "https://vpc.cn-north-4.myhuaweicloud.com",
      evs: "https://evs.cn-north-4.myhuaweicloud.com",
      dws: "https://dws.cn-north-4.myhuaweicloud.com",
      vpcep: "https://vpcep.cn-north-4.myhuaweicloud.com",
      iam: "https://iam.cn-north-4.myhuaweicloud.com",
    });
    expect(resolveEndpoints({ region: "ap-southeast-1" }).evs).toBe("https://evs.ap-southeast-1.myhuaweicloud.com");
  });

  it("use Huawei's own hosts where a region breaks the pattern (eu-west-101 on myhuaweicloud.eu for DWS, VPCEP and IAM)", () => {
    expect(defaultEndpoint("dws", "eu-west-101")).toBe("https://dws.eu-west-101.myhuaweicloud.eu");
    expect(defaultEndpoint("vpcep", "eu-west-101")).toBe("https://vpcep.eu-west-101.myhuaweicloud.eu");
    // Where the client looks up a project ID nobody gave (IamRegion of Huawei's SDKs).
    expect(defaultEndpoint("iam", "eu-west-101")).toBe("https://iam.eu-west-101.myhuaweicloud.eu");
    expect(defaultEndpoint("vpc", "eu-west-101")).toBe("https://vpc.eu-west-101.myhuaweicloud.com");
    expect(defaultEndpoint("evs", "eu-west-101")).toBe("https://evs.eu-west-101.myhuaweicloud.com");
  });

  it("reject a region that is not a region name, naming the field", () => {
    expect(() => resolveEndpoints({ region: "evil.example/x" })).toThrow(ValidationError);
    expect(() => resolveEndpoints({ region: "evil.example/x" })).toThrow(/region/);
  });
});

describe("endpoint overrides", () => {
  it("replace one service's base URL and keep the others", () => {
    const endpoints = resolveEndpoints({ endpoints: { evs: "https://evs.private-cloud.example.com/" } });
    expect(endpoints.evs).toBe("https://evs.private-cloud.example.com");
    expect(endpoints.vpc).toBe("https://vpc.cn-north-4.myhuaweicloud.com");
  });

  it.each(["http://127.0.0.1:8080", "http://localhost:1234", "http://[::1]:9000", "http://127.8.9.10"])(
    "allow plain http to the loopback host %s",
    (url) => {
      expect(resolveEndpoints({ endpoints: { vpc: url } }).vpc).toBe(url);
    },
  );

  it.each(["http://vpc.example.com", "http://10.0.0.1:8080", "http://127.0.0.1.example.com"])(
    "refuse plain http to %s, naming the field",
    (url) => {
      let caught: unknown;
      try {
        createClient({ credentials: { token: "t" }, endpoints: { vpcep: url } });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect(caught).toMatchObject({ field: "endpoints.vpcep", rule: "https" });
    },
  );

  it("allow plain http elsewhere only with allowInsecureHttp", () => {
    expect(resolveEndpoints({ endpoints: { vpc: "http://vpc.example.com" }, allowInsecureHttp: true }).vpc).toBe(
      "http://vpc.example.com",
    );
  });

  it.each(["not a url", "ftp://vpc.example.com", "file:///etc/passwd"])("refuse %s", (url) => {
    expect(() => resolveEndpoints({ endpoints: { dws: url } })).toThrow(/endpoints\.dws/);
  });

  it.each(["https://admin7:pa55word@vpc.example.com", "https://admin7@vpc.example.com", "http://:pa55word@127.0.0.1:8080"])(
    "refuse %s, which carries user info, quoting no part of it",
    (url) => {
      let caught: unknown;
      try {
        resolveEndpoints({ endpoints: { vpc: url } });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect(caught).toMatchObject({ field: "endpoints.vpc", rule: "format" });
      for (const part of ["admin7", "pa55word", "vpc.example.com"]) expect((caught as Error).message).not.toContain(part);
    },
  );

  it("refuse a service the spec does not have, listing the ones it has", () => {
    let caught: unknown;
    try {
      resolveEndpoints({ endpoints: { ecs: "https://ecs.example.com" } as never });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ field: "endpoints.ecs", rule: "additionalProperties" });
    for (const service of Object.keys(services)) expect((caught as Error).message).toContain(service);
  });

  it.each(["https://vpc.example.com/?tenant=a", "https://vpc.example.com/base?", "http://127.0.0.1:8080#main", "https://vpc.example.com/base/#"])(
    "refuse %s, whose query or fragment would take the operation's path appended to it (a PUT to the base path)",
    (url) => {
      expect(() => resolveEndpoints({ endpoints: { vpc: url } })).toThrow(ValidationError);
      expect(() => resolveEndpoints({ endpoints: { vpc: url } })).toThrow(/endpoints\.vpc must not carry a query or a fragment/);
    },
  );

  it("keep a path prefix of the override", () => {
    expect(resolveEndpoints({ endpoints: { vpc: "https://gateway.example.com/vpc/" } }).vpc).toBe("https://gateway.example.com/vpc");
  });
});

describe("services", () => {
  it("are the spec's, each with a default endpoint", () => {
    expect(serviceNames).toEqual(Object.keys(services));
    expect(Object.keys(resolveEndpoints())).toEqual(serviceNames);
  });
});
