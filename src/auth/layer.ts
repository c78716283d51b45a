import type { Send } from "../layers.ts";
import type { ClientConfig } from "../options.ts";
import { withSigning } from "./aksk.ts";
import { createSkewedClock } from "./clock-skew.ts";
import { withSkewCorrection } from "./skew-correction.ts";
import { withToken } from "./token.ts";

/**
 * The authentication layer a client's credentials call for: an IAM token, or
 * AK/SK signing on a clock that follows the server's once a refusal for
 * clock skew revealed it (one clock per client).
 */
export function withAuth(next: Send, config: Pick<ClientConfig, "credentials" | "projectId">): Send {
  const { credentials } = config;
  if (typeof credentials === "object" && credentials.token !== undefined) return withToken(next, credentials.token);
  const clock = createSkewedClock();
  return withSkewCorrection(withSigning(next, credentials, { projectId: config.projectId, now: clock.now }), clock);
}
