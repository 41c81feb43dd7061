// The HTML report in a real browser: Debian's chromium driven by playwright-core (never a
// downloaded browser). Skips with a message when /usr/bin/chromium is absent (.ci/run installs it).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererFor } from '../src/08-report/index.js';
import { reportOf } from './support/report.js';
import { ROOT } from './support/paths.js';
import { tempDir } from './support/temp.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`narrascope tests: ${CHROMIUM} not found (apt-get install chromium); the browser test of the HTML report is skipped.`);

const dir = tempDir();
let browser: BrowserContext | undefined;

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
