import type { Send } from "../layers.ts";
import { fromFetch } from "./fetch.ts";

/**
 * The transport `#transport` resolves to outside Node. The global fetch is
 * looked up on every call, not at import, so a polyfill or a test double
 * installed later is the one used.
 */
export const defaultSend: Send = fromFetch((input, init) => globalThis.fetch(input, init));
