import AxeBuilder from "@axe-core/playwright";
import { devices, type Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The phone of issue #17: 390×844, touch, a mobile user agent (Chromium emulating an iPhone 13). */
const { defaultBrowserType: _webkit, ...iPhone13 } = devices["iPhone 13"];
export const phone = { ...iPhone13, viewport: { width: 390, height: 844 } };
export const desktop = { viewport: { width: 1440, height: 900 } };

export type Scheme = "light" | "dark";
export const schemes: Scheme[] = ["light", "dark"];

/** A screenshot kept as a test artifact, named after the page, the device and the colour scheme. */
export async function screen(page: Page, name: string) {
  const device = page.viewportSize()!.width < 640 ? "phone" : "desktop";
  const scheme = await page.evaluate(() => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  await page.screenshot({ path: `test-results/screens/${name}-${device}-${scheme}.png`, fullPage: true });
}

/** The rules whose outcome depends on colours: all a second colour scheme of the same page can change. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * axe-core finds nothing on the page as it is now: every rule axe runs by default, or with coloursOnly the
 * rules that read colours, for a page already checked in the other scheme (the dark theme changes colours
 * only: no dark: variant shows, hides or moves anything).
 */
export async function expectNoAxeViolations(page: Page, what: string, { coloursOnly = false } = {}) {
  // Colours are checked as they end, not halfway through a theme switch's transition.
  await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" });
  // Legacy mode runs axe.run in the page itself. The default runs each frame's part and then joins them in a new
  // blank page, which costs a page per check; the app has no frames, so legacy mode checks the same.
  const axe = new AxeBuilder({ page }).setLegacyMode();
  const { violations } = await (coloursOnly ? axe.withRules(COLOUR_RULES) : axe).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, `axe on ${what}`).toEqual([]);
}

/** Nothing makes the page wider than the window: it never scrolls sideways (inner strips may, in themselves). */
export async function expectNoSidewaysScroll(page: Page, what: string) {
  const width = page.viewportSize()!.width;
  const widest = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(widest, `${what} is ${widest} px wide on a ${width} px screen`).toBeLessThanOrEqual(width);
}
