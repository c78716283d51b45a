import { assertHeaderValue } from "../header-value.ts";
import { type HttpResponse, passingTimeout, type Send } from "../layers.ts";
import { withoutEchoes } from "./echo.ts";
import { lookUpFor } from "./lookup-failure.ts";

/** A fixed IAM token, or a function asked before every attempt, with the attempt's signal, so tokens can be refreshed. */
export type TokenSource = string | ((signal: AbortSignal) => string | Promise<string>);

const NEVER = new AbortController().signal;

/** The IAM token layer: sends X-Auth-Token on a copy of each request. A fixed token must have been checked (createClient does). */
export function withToken(next: Send, token: TokenSource): Send {
  const fixedSecrets = typeof token === "function" ? [] : [token];
  const withoutFixedEchoes = (response: HttpResponse) => withoutEchoes(response, fixedSecrets);
  // A fixed token was checked by createClient; what a function returns is checked each time it is asked.
  const layer: Send = async (request) => {
    if (typeof token !== "function") return next({ ...request, headers: { ...request.headers, "x-auth-token": token } }).then(withoutFixedEchoes);
    const value = await lookUpFor(request, () => token(request.signal ?? NEVER));
    assertHeaderValue(request.operation, "credentials.token", value, { required: true });
    return withoutEchoes(await next({ ...request, headers: { ...request.headers, "x-auth-token": value } }), [value]);
  };
  // A token function may wait, so it gets the attempt's signal; a fixed token waits for nothing.
  return typeof token === "function" ? layer : passingTimeout(layer, next);
}
