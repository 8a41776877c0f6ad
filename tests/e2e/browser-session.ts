import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';

/**
 * The browser side of the UI tests: pages in a Vietnamese office's settings, and the checks every
 * screenshot state passes (nothing left to a sideways scroll, WCAG 2.1 AA by axe-core).
 */

export const SHOTS = path.resolve('docs/screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
/** axe-core, injected into pages to check them against WCAG 2.1 AA. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One Chromium for a test file, its pages, and the uncaught errors of any of them. */
export class BrowserSession {
  private readonly contexts: BrowserContext[] = [];
  /** Uncaught exceptions in any page: there must be none. */
  readonly pageErrors: string[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  static async start(baseURL: string): Promise<BrowserSession> {
    mkdirSync(SHOTS, { recursive: true });
    return new BrowserSession(await launchChromium(), baseURL);
  }

  async newPage(viewport = DESKTOP): Promise<Page> {
    const phone = viewport === PHONE;
    const context = await this.browser.newContext({ viewport, baseURL: this.baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true, isMobile: phone, hasTouch: phone });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => this.pageErrors.push(`${page.url()}: ${err.message}`));
    page.setDefaultTimeout(20_000);
    return page;
  }

  /** A picture of every open page after a failed step, to see what the browser showed. */
  async picturesOnFailure(testName: string): Promise<void> {
    const dir = path.resolve('tests/.tmp/e2e-failures');
    mkdirSync(dir, { recursive: true });
    let n = 0;
    for (const context of this.contexts) {
      for (const page of context.pages()) await page.screenshot({ path: path.join(dir, `${testName.slice(0, 40).replace(/\W+/g, '-')}-${n++}.png`), fullPage: true }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser.close();
  }
}

/** A screenshot for the README, once the page has settled; the page must pass both checks. */
export async function shot(page: Page, name: string, opts: { top?: boolean } = {}): Promise<void> {
  // Let pending requests and the chart settle so the picture shows the page as a user sees it.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  if (opts.top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  expect(await hiddenSideways(page), `${name}: what only a sideways scroll shows`).toEqual([]);
  expect(await accessibilityViolations(page), `${name}: WCAG 2.1 AA`).toEqual([]);
}

/**
 * What a user of this window cannot see without scrolling sideways: the page wider than the window, a
 * data table wider than its box (the last columns out of sight), or, in a sheet that scrolls like the
 * imported file, a row's result or problems.
 */
export function hiddenSideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hidden: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) hidden.push(`the page: ${root.scrollWidth}px in ${root.clientWidth}px`);
    const label = (box: Element) => box.querySelector('caption')?.textContent?.trim() || box.getAttribute('aria-label') || '?';
    for (const box of document.querySelectorAll<HTMLElement>('.table-wrap')) {
      if (box.scrollWidth <= box.clientWidth + 1) continue;
      const { right } = box.getBoundingClientRect();
      const cut = [...box.querySelectorAll('thead th')].filter((th) => th.getBoundingClientRect().right > right + 1).map((th) => th.textContent?.trim());
      hidden.push(`table "${label(box)}": ${box.scrollWidth}px in ${box.clientWidth}px, out of sight: ${cut.join(', ')}`);
    }
    for (const box of document.querySelectorAll<HTMLElement>('.table-scroll')) {
      const { left, right } = box.getBoundingClientRect();
      for (const el of box.querySelectorAll('.sheet__result, .problem-list')) {
        const r = el.getBoundingClientRect();
        if (r.left < left - 1 || r.right > right + 1) hidden.push(`sheet "${label(box)}": ${el.className} at ${Math.round(r.left)}–${Math.round(r.right)}px, the box shows ${Math.round(left)}–${Math.round(right)}px`);
      }
    }
    return hidden;
  });
}

/** WCAG 2.1 A and AA violations axe-core finds on the page, serious or worse, each with where it is. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's Content Security Policy rightly refuses an inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
  });
}

/** The message shown beside a field: the element its aria-describedby names with the `-error` suffix. */
export async function errorFor(field: Locator): Promise<string> {
  await field.page().waitForFunction(
    (el) => (el?.getAttribute('aria-describedby') ?? '').split(' ').some((id) => id.endsWith('-error')),
    await field.elementHandle(),
  );
  const ids = (await field.getAttribute('aria-describedby'))!.split(' ');
  const errorId = ids.find((id) => id.endsWith('-error'))!;
  // A group of radios or checkboxes carries the message on its fieldset and marks each input invalid.
  const invalid = (await field.evaluate((el) => el.tagName)) === 'FIELDSET' ? field.locator('input').first() : field;
  expect(await invalid.getAttribute('aria-invalid')).toBe('true');
  return (await field.page().locator(`[id="${errorId}"]`).innerText()).trim();
}

/** A form field by its label, which may carry the "(bắt buộc)" marker of a required field. */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\(bắt buộc\\))?$`));
}
