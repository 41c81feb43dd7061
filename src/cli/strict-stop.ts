/** Thrown to stop a `--strict` run at the first bad input (its own module: main.ts needs it at start-up). */
export class StrictStop extends Error {}
