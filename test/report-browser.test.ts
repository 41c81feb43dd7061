// The HTML report in a real browser: Debian's chromium driven by playwright-core (never a
// downloaded browser). Skips with a message when /usr/bin/chromium is absent (.ci/run installs it).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDriftHtmlPage, rendererFor } from '../src/08-report/index.js';
import { computeDrift } from '../src/jobs/drift.js';
import type { RunSnapshot, SnapshotNarrative } from '../src/types/drift.js';
import { reportOf } from './support/report.js';
import { ROOT } from './support/paths.js';
import { tempDir } from './support/temp.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`narrascope tests: ${CHROMIUM} not found (apt-get install chromium); the browser test of the HTML report is skipped.`);

const dir = tempDir();
let browser: BrowserContext | undefined;

/** Two invented job runs, so the drift section and page have every table and the timeline chart. */
function driftOfTwoRuns() {
  const n = (id: string, claims: number, share: number, outlets: readonly string[]): SnapshotNarrative => ({
    id, reportId: `e1.${id}`, event: 'e1', label: `a rather long label for the story ${id} that wraps on a phone`, claimKeys: [], claims, share, outlets, backers: [], disputers: [],
  });
  const run = (runId: number, narratives: readonly SnapshotNarrative[], extra: Partial<RunSnapshot> = {}): RunSnapshot => ({
    runId, job: 'harbour', startedAt: `2026-01-0${runId}T06:00:00Z`, articles: 9, outlets: [], narratives, framing: [], conflicts: [], ...extra,
  });
  const r1 = run(1, [n('N1', 6, 0.4, ['North Coast Gazette']), n('N2', 6, 0.4, ['South Harbour Daily']), n('N3', 2, 0.2, ['East'])],
    { framing: [{ outlet: 'North Coast Gazette', actor: 'Mira Halden', classes: { neutral: 3 } }] });
  const r2 = run(2, [n('N1', 8, 0.6, ['North Coast Gazette', 'East']), n('N2', 2, 0.1, ['South Harbour Daily']), n('N4', 3, 0.3, ['East'])], {
    framing: [{ outlet: 'North Coast Gazette', actor: 'Mira Halden', classes: { distancing: 3 } }],
    conflicts: [{ a: 'N1', b: 'N4', reason: 'different perpetrators' }],
  });
  return computeDrift(r1, r2, [r1]);
}

/** Write the HTML report of the inputs and return its file URL. */
async function page(inputs: string[], name: string): Promise<string> {
  const { report } = await reportOf(inputs);
  const file = join(dir, `${name}.html`);
  writeFileSync(file, rendererFor('html').render(report));
  return pathToFileURL(file).href;
}

describe.skipIf(!HAS_CHROMIUM)('HTML report in headless Chromium', () => {
  beforeAll(async () => {
    // A fresh profile each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'narrascope-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  it('shows the narratives and highlights a narrative\'s claims on click, without console errors', async () => {
    const url = await page([join(ROOT, 'corpora', 'crocus-outlets')], 'outlets');
    const tab = await browser!.newPage();
    const errors: string[] = [];
    tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(url);
    const cards = tab.locator('.card');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    // The page leads with the contested questions, each answer a card side by side.
    expect(await tab.locator('section.question h3').allTextContents()).toEqual([expect.stringMatching(/^Who was behind/), expect.stringMatching(/^Did Iran warn Russia/)]);
    const card = tab.locator('.card', { hasText: 'ISIS-K' }).first();
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await tab.locator('.claim.on').count()).toBe(0);
    await card.click();
    expect(await card.getAttribute('aria-pressed')).toBe('true');
    const id = await card.getAttribute('data-id');
    const lit = await tab.locator('.claim.on').allTextContents();
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.join(' ')).toContain('ISIS-K alone bears responsibility');
    // The callback runs in the page; `globalThis` there is the window (no DOM lib in this tsconfig).
    const background = await tab.locator('.claim.on').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    // Every lit span belongs to the clicked narrative, and a second click clears the highlight.
    for (const n of await tab.locator('.claim.on').evaluateAll((els) => els.map((e) => e.getAttribute('data-n') ?? ''))) expect(n.split(' ')).toContain(id);
    await card.click();
    expect(await tab.locator('.claim.on').count()).toBe(0);
    expect(await tab.locator('.omitted').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('fits a 400 px phone screen: no horizontal page overflow, tables scroll in their boxes, the chart scales', async () => {
    // The shipped example (`npx narrascope compare corpora`): nine tables and the pair chart.
    const url = await page([join(ROOT, 'corpora')], 'phone');
    const tab = await browser!.newPage();
    for (const width of [400, 1280]) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(url);
      // Callbacks run in the page (no DOM lib in this tsconfig): `globalThis` is the window there.
      const size = await tab.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; body: { scrollWidth: number } } }).document;
        return { page: d.documentElement.scrollWidth, body: d.body.scrollWidth, viewport: d.documentElement.clientWidth };
      });
      expect(size.viewport).toBeLessThanOrEqual(width);
      expect(size.page, `document width at ${width} px`).toBeLessThanOrEqual(size.viewport);
      expect(size.body).toBeLessThanOrEqual(size.viewport);
      // Every table sits in a horizontal scroll box no wider than the page.
      const boxes = await tab.locator('table').evaluateAll((tables) => tables.map((t) => {
        const box = (t as unknown as { parentElement: { className: string; getBoundingClientRect(): { width: number } } | null }).parentElement;
        return { cls: box?.className ?? '', width: box?.getBoundingClientRect().width ?? Infinity };
      }));
      expect(boxes.length).toBeGreaterThan(5);
      for (const b of boxes) {
        expect(b.cls).toBe('scroll');
        expect(b.width).toBeLessThanOrEqual(size.viewport);
      }
      const chart = await tab.locator('#chart svg').evaluate((svg) => ({
        viewBox: svg.getAttribute('viewBox'),
        width: (svg as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width,
      }));
      expect(chart.viewBox).toMatch(/^0 0 \d+ \d+$/);
      expect(chart.width).toBeGreaterThan(200);
      expect(chart.width).toBeLessThanOrEqual(size.viewport);
    }
    // Dropped regions are greyed, their reason on hover.
    const dropped = tab.locator('.dropped').first();
    expect(await dropped.getAttribute('title')).toMatch(/^dropped \((teaser|byline|boilerplate|dateline|repeated-paragraph|[a-z-]+)\): /);
    const color = await dropped.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
    expect(color).toBe('rgb(138, 138, 138)');
    await tab.close();
  });

  it('fits the report with its drift section, and the stand-alone drift page, on a 400 px screen', async () => {
    const drift = driftOfTwoRuns();
    const { report } = await reportOf([join(ROOT, 'corpora', 'crocus-outlets')]);
    const files = { report: join(dir, 'drift-report.html'), page: join(dir, 'drift-page.html') };
    writeFileSync(files.report, rendererFor('html').render(report, { drift }));
    writeFileSync(files.page, renderDriftHtmlPage(drift));
    const tab = await browser!.newPage();
    await tab.setViewportSize({ width: 400, height: 900 });
    for (const file of Object.values(files)) {
      await tab.goto(pathToFileURL(file).href);
      const size = await tab.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
        return { page: d.documentElement.scrollWidth, viewport: d.documentElement.clientWidth };
      });
      expect(await tab.locator('svg').count(), file).toBeGreaterThan(0);
      expect(size.page, file).toBeLessThanOrEqual(size.viewport);
    }
    await tab.close();
  });

  it('renders a hostile article as inert text', async () => {
    const url = await page([join(ROOT, 'test', 'fixtures', 'hostile')], 'hostile');
    const tab = await browser!.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await tab.goto(url);
    await tab.locator('.card').first().click().catch(() => undefined);
    expect(await tab.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await tab.locator('article img, article div[onclick], article script').count()).toBe(0);
    const body = await tab.locator('#articles-text').textContent();
    expect(body).toContain('<script>window.__pwned = 1</script>');
    expect(body).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await tab.title()).toBe('narrascope divergence report');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await tab.close();
  });
});
