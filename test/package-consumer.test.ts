/**
 * The public API surface as another project sees it: `npm pack` the package, install the tarball
 * into a fresh project (its production dependencies linked from this checkout, as `npm install
 * narrascope-x.y.z.tgz` would install them, without the network), compile a consumer file with
 * strict `tsc` and no @types/node of its own, then run it and the installed bin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEED } from './support/paths.js';
import { tempDir } from './support/temp.js';

const consumer = tempDir();
const installed = join(consumer, 'node_modules', 'narrascope');

const SOURCE = `import {
  analyze, analyzeArticle, ingestArticles, buildReport, rendererFor, clean,
  type Article, type AnalyzedArticle, type AnalyzeOptions, type AnalyzeArticleOptions, type ActorOptions,
  type AttributionOptions, type CleanOptions, type DivergenceReport, type IngestOptions, type RunOptions, type Diagnostic,
} from 'narrascope';

const text = ${JSON.stringify(readFileSync(SEED, 'utf8').slice(0, 1500))};
const article: Article = { id: 'a1', outlet: 'Example', date: null, title: null, url: null, text, dropped: [] };
const cleaning: CleanOptions = { minRepeatedLength: 40 };
const options: AnalyzeArticleOptions = { clean: cleaning };
const one: AnalyzedArticle = analyzeArticle(article, options);
const same: AnalyzedArticle = analyzeArticle(clean(article), { clean: false });
const streamOptions: AnalyzeOptions = { deduplicate: false };
const ingestOptions: IngestOptions = { maxTextLength: 100_000 };
const notes: Diagnostic[] = [];
const results: AnalyzedArticle[] = [];
for await (const result of analyze(ingestArticles([${JSON.stringify(SEED)}], { ...ingestOptions, onDiagnostic: (d) => notes.push(d) }), streamOptions)) results.push(result);
const report: DivergenceReport = buildReport([one, ...results]);
const actorOptions: ActorOptions = {};
const attributionOptions: AttributionOptions = {};
const runOptions: RunOptions = { workers: 1 };
void actorOptions; void attributionOptions; void runOptions;
console.log(JSON.stringify({ attributions: one.attributions.length, same: JSON.stringify(one) === JSON.stringify(same), results: results.length, markdown: rendererFor('markdown').render(report).startsWith('#') }));
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
    module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'],
    // No ambient types of the consumer's own: whatever the package's declarations need, they
    // must bring. Library files are checked too (skipLibCheck off).
    types: [], skipLibCheck: false, outDir: 'out',
  },
  files: ['consumer.ts'],
};

beforeAll(() => {
  // dist/ is fresh (the tests' global setup builds it); pack without running prepare again.
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', consumer], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(consumer, packed), '-C', installed, '--strip-components=1']);
  // The production dependency tree, as npm would install it: every package the lockfile does
  // not mark dev-only (devDependencies such as typescript or vitest are not there).
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev || path.lastIndexOf('node_modules/') !== 0) continue;
    const target = join(consumer, path);
    mkdirSync(dirname(target), { recursive: true });
    if (!existsSync(target)) symlinkSync(join(ROOT, path), target);
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  writeFileSync(join(consumer, 'consumer.ts'), SOURCE);
}, 120_000);

describe('package: installed into another project', () => {
  it('ships its declarations, data and models, and no tests or sources', () => {
    for (const path of ['dist/index.d.ts', 'dist/index.js', 'bin/narrascope.js', 'package.json']) expect(existsSync(join(installed, path)), path).toBe(true);
    expect(readdirSync(join(installed, 'data')).length).toBeGreaterThan(0);
    expect(readdirSync(join(installed, 'models')).length).toBeGreaterThan(0);
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(consumer, 'node_modules', 'typescript'))).toBe(false);
  });

  it('compiles a consumer with strict tsc, without @types/node of its own, and runs it', () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const run = spawnSync(process.execPath, ['out/consumer.js'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ attributions: expect.any(Number), same: true, results: 1, markdown: true });
    expect((JSON.parse(run.stdout) as { attributions: number }).attributions).toBeGreaterThan(0);
  });

  it('runs the installed bin outside the checkout', () => {
    const run = spawnSync(process.execPath, [join(installed, 'bin', 'narrascope.js'), 'analyze', SEED, '--workers', '1'], { cwd: consumer, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }).id).toBe('crocus-city-hall-attack');
  });
});
