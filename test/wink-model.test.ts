import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { winkModel } from '../src/adapters/wink-model.js';

const require = createRequire(import.meta.url);

describe('wink model loader (src/adapters/wink-model.ts)', () => {
  it('builds the same language model as the package entry, core included', () => {
    const ours = winkModel() as Record<string, unknown>;
    const theirs = require('wink-eng-lite-web-model') as Record<string, unknown>;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    // Every part but the core is the package's own module.
    for (const part of ['sbd', 'pos', 'ner', 'negation', 'sa', 'metaCER', 'featureFn']) expect(ours[part]).toBe(theirs[part]);
    expect(isDeepStrictEqual(ours['addons'], theirs['addons'])).toBe(true);
    const core = (ours['core'] as () => Record<string, unknown>)();
    const reference = (theirs['core'] as () => Record<string, unknown>)();
    expect(core['lexicon']).toBeInstanceOf(Uint32Array);
    expect((core['lexicon'] as Uint32Array).length).toBeGreaterThan(300_000);
    for (const key of Object.keys(reference)) expect(isDeepStrictEqual(core[key], reference[key]), `core.${key}`).toBe(true);
    expect(isDeepStrictEqual(core, reference)).toBe(true);
  });
});
