import { type Service, services } from "../generated/operations.ts";
import { ValidationError } from "./errors.ts";

export type Endpoints = Record<Service, string>;

export const DEFAULT_REGION = "cn-north-4";

/**
 * Regions whose hosts break the spec's `https://{service}.{region}.myhuaweicloud.com`
 * pattern, as Huawei's own SDK region tables list them.
 */
const DOMAIN_EXCEPTIONS: Record<string, Partial<Record<string, string>>> = {
  "eu-west-101": { dws: "myhuaweicloud.eu", vpcep: "myhuaweicloud.eu", iam: "myhuaweicloud.eu" },
};

/** Every service of the spec, e.g. ["vpc", "evs", ...]. */
export const serviceNames = Object.keys(services) as Service[];

const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export interface EndpointOptions {
  region?: string | undefined;
  endpoints?: Partial<Endpoints> | undefined;
  allowInsecureHttp?: boolean | undefined;
}

/** Base URL of every service: an override when given, else the region's default host. */
export function resolveEndpoints(options: EndpointOptions = {}): Endpoints {
  const region = options.region ?? DEFAULT_REGION;
  if (!REGION_PATTERN.test(region)) {
    throw new ValidationError("createClient", [
      { field: "region", rule: "pattern", message: `must look like "cn-north-4", got ${JSON.stringify(region)}` },
    ]);
  }
  for (const name of Object.keys(options.endpoints ?? {})) {
    if (!(name in services)) {
      throw new ValidationError("createClient", [
        { field: `endpoints.${name}`, rule: "additionalProperties", message: `is not a service of the spec (${serviceNames.join(", ")})` },
      ]);
    }
  }
  const resolved = {} as Endpoints;
  for (const service of serviceNames) {
    const override = options.endpoints?.[service];
    resolved[service] = override === undefined ? defaultEndpoint(service, region) : checkEndpoint(service, override, options);
  }
  return resolved;
}

export function defaultEndpoint(service: Service, region: string): string {
  const url = services[service].replace("{region}", region);
  const domain = DOMAIN_EXCEPTIONS[region]?.[service];
  return domain ? url.replace("myhuaweicloud.com", domain) : url;
}

function checkEndpoint(service: Service, value: string, options: EndpointOptions): string {
  const field = `endpoints.${service}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError("createClient", [{ field, rule: "format", message: "must be an absolute http(s) URL" }]);
  }
  if (url.username !== "" || url.password !== "") {
    // Quoting the URL would quote the password.
    throw new ValidationError("createClient", [{ field, rule: "format", message: "must not carry a user name or password" }]);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError("createClient", [{ field, rule: "format", message: "must be an http(s) URL" }]);
  }
  if (/[?#]/.test(url.href)) {
    // Each operation's path is appended to the endpoint: it would land in the query or fragment, and the request go to the base path.
    throw new ValidationError("createClient", [{ field, rule: "format", message: "must not carry a query or a fragment (\"?\" or \"#\")" }]);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname) && !options.allowInsecureHttp) {
    throw new ValidationError("createClient", [
      {
        field,
        rule: "https",
        message: "plain http:// is refused for non-loopback hosts, since credentials would travel in clear; pass allowInsecureHttp: true to override",
      },
    ]);
  }
  return url.href.replace(/\/+$/, "");
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
