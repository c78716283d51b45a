/** A spec comparison that could not be made: a bad ref, no spec at that ref, a spec that does not bundle. */
export class SpecDiffError extends Error {
  override name = "SpecDiffError";
}
