/** The browser bundle's entry: the page exposes the smoke test for run.ts to call. */
import { runSmoke } from "./smoke.ts";

(globalThis as { runSmoke?: typeof runSmoke }).runSmoke = runSmoke;
