import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** `../shared` beside the repository: reference corpora, read at run time, never copied. */
export const SHARED = join(ROOT, '..', 'shared');
/** The PolNeAR dev split, when `../shared` is present. */
export const POLNEAR_DEV = join(SHARED, 'corpora', 'polnear', 'dev.jsonl');
/** True when the PolNeAR dev split is available; tests that need it skip otherwise. */
export const HAS_POLNEAR = existsSync(POLNEAR_DEV);
/** The seed article as shipped in `corpora/`. */
export const SEED = join(ROOT, 'corpora', 'seed', 'crocus-city-hall-attack.txt');

if (!HAS_POLNEAR) {
  console.warn(`narrascope tests: ${POLNEAR_DEV} not found; tests on PolNeAR are skipped.`);
}
