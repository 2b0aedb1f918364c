/** Where a knowledge-base file's facts come from, and when they were last checked. */
export interface KbSource {
  name: string;
  /** Commit of the source repository, when it has one. */
  commit: string;
  /** ISO date the facts were extracted or checked. */
  checked: string;
}
