import { tokenStackTraceModule } from "./cdktf";

/**
 * cdktf records a complete stack trace for every token it creates (each
 * attribute reference, each computed list), only to enrich its own
 * "cannot resolve token" errors. Formatting those traces is the largest single
 * cost of synthesizing a big stack: 35-45% of the time for 1,000 Lattice
 * services or interface endpoints in one stack (`npm run bench`).
 *
 * Turning it off changes no output: only cdktf's internal token errors lose
 * the trace of where the token was created. Our own validation errors name
 * the construct path and prop instead. Works for cdktf 0.21 and CDK Terrain
 * 0.24 (whose tokens record through `captureCreationStack`, which calls
 * `captureStackTrace` inside its own module, where a replaced export does not
 * reach). Returns false, doing nothing, when the runtime at hand is laid out
 * differently.
 */
export function disableTokenCreationStackTraces(): boolean {
  try {
    const stackTrace = tokenStackTraceModule();
    const recorder = typeof stackTrace.captureCreationStack === "function" ? "captureCreationStack" : "captureStackTrace";
    if (typeof stackTrace[recorder] !== "function") return false;
    stackTrace[recorder] = (): string[] => [];
    return true;
  } catch {
    return false;
  }
}
