import { copyRequest, type Send } from "../http.ts";
import { assertHeaderValue } from "../header-value.ts";

/** A fixed IAM token, or a function asked on every request so tokens can be refreshed. */
export type TokenSource = string | (() => string | Promise<string>);

/** The IAM token layer: sends X-Auth-Token on a copy of each request. */
export function withToken(next: Send, token: TokenSource): Send {
  return async (request) => {
    const value = typeof token === "function" ? await token() : token;
    assertHeaderValue(request.context.operation ?? "request", "credentials.token", value, { required: true });
    const authenticated = copyRequest(request);
    authenticated.headers.set("X-Auth-Token", value);
    return next(authenticated);
  };
}
