/**
 * A fixed claim set for `eval narratives`: per gold event, the keys of the gold narrative claims a
 * reference run put in some reported narrative. The ordinary B-cubed is scored on the gold claims
 * the run being measured extracts, so a change in extraction (a retrained attribution tagger)
 * changes the items as well as the grouping. Scored on a frozen set instead, two runs are judged
 * on the same claims: a claim of the set the run no longer extracts is its own singleton, a claim
 * outside the set is not scored (see `fixedSetItems` in metrics.ts).
 *
 * The set of the dev half is `data/gold/narratives/dev-claimset.json`, written by
 * `npx tsx scripts/freeze-claimset.ts`; `eval narratives --gold DIR` reads `DIR-claimset.json`
 * when it exists. No set is ever frozen from the held-back final half.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { GoldFileError } from './gold-load.js';
import type { GoldClaimFate } from './metrics.js';

/** Version tag of a claim-set file. */
export const CLAIM_SET_SCHEMA = 'narrascope-claim-set/1';

const claimSetSchema = z.strictObject({
  schema: z.literal(CLAIM_SET_SCHEMA),
  /** The run the set was frozen from ("main 927bf26, eval narratives in-sample"). */
  reference: z.string().min(1),
  /** Which gold claims the set holds, in words. */
  rule: z.string().min(1),
  /** Event id -> keys of its gold claims in the set (`narrative@article:start-end`), sorted. */
  events: z.record(z.string(), z.array(z.string().min(1))),
});

/** A loaded claim set. */
export type ClaimSet = z.infer<typeof claimSetSchema>;

/** Where the claim set of a gold folder lives: beside it, `DIR-claimset.json`. */
export const claimSetPathFor = (goldDir: string): string => `${goldDir.replace(/[\\/]+$/, '')}-claimset.json`;

/** Read and validate a claim-set file; throws a {@link GoldFileError} naming the field. */
export function loadClaimSet(file: string): ClaimSet {
  if (!existsSync(file)) throw new GoldFileError(file, null, 'claim set not found');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GoldFileError(file, null, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = claimSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GoldFileError(file, issue?.path.map(String).join('.') || null, issue?.message ?? 'invalid');
  }
  return parsed.data;
}

/** The set's keys as the scorer writes them: `event/narrative@article:start-end`. */
export function claimSetKeys(set: ClaimSet): Set<string> {
  return new Set(Object.entries(set.events).flatMap(([event, keys]) => keys.map((k) => `${event}/${k}`)));
}

/**
 * Freeze a claim set from a reference run's scored events: the gold claims it put in some
 * reported narrative, events and keys sorted, so the same run gives the same bytes.
 */
export function freezeClaimSet(events: readonly { readonly event: string; readonly claims: readonly GoldClaimFate[] }[], reference: string): ClaimSet {
  const sorted = [...events].sort((a, b) => (a.event < b.event ? -1 : a.event > b.event ? 1 : 0));
  return {
    schema: CLAIM_SET_SCHEMA,
    reference,
    rule: 'gold narrative claims that align with a claim of some reported narrative (the "extracted" gold claims of eval narratives)',
    events: Object.fromEntries(sorted.map((e) => [e.event, e.claims.filter((c) => c.predicted !== null).map((c) => c.key.slice(e.event.length + 1)).sort()])),
  };
}
