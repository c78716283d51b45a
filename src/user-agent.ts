/**
 * The header naming the client, which AK/SK signing then covers like any other.
 * `#user-agent` resolves here everywhere but in browsers (see user-agent.browser.ts).
 */
export function userAgentHeader(userAgent: string): Record<string, string> {
  return { "User-Agent": userAgent };
}
