// Debian's Chromium driven by playwright-core, as the desk's browser tests start it: a fresh
// profile, no network beyond loopback, a dialog treated as a script that ran from typed text.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openChromium(viewport = { width: 1100, height: 800 }): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), "hoinghi-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: "/usr/bin/chromium", headless: true, args: FLAGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  // A dialog would mean typed HTML ran as a script.
  page.on("dialog", () => {
    throw new Error("a script ran from typed text");
  });
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** axe-core's script (node_modules/axe-core/axe.min.js), injected into a page to check it. */
export const AXE_FILE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe's violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_FILE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Opens a sign-in link (as /web gives it) and presses "Vào bàn làm việc": the desk's overview is shown. */
export async function signInDesk(page: Page, origin: string, link: string): Promise<void> {
  await page.goto(origin + link);
  await page.getByRole("button", { name: "Vào bàn làm việc" }).click();
  await page.waitForURL(`${origin}/ban-to-chuc/`);
}

/**
 * What a person at the page's width would notice: scrolling sideways, buttons too small to tap, axe's
 * critical and serious findings. The page is saved as `<shots>/<name>-<width>.png` when `shots` is given.
 */
export async function looked(page: Page, name: string, shots?: string): Promise<string[]> {
  const width = page.viewportSize()?.width ?? 0;
  const found: string[] = [];
  const wide = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  if (wide > width) found.push(`${name}: ${wide} px wide`);
  for (const h of await page.locator("main button, main a.button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
    if (h < 44) found.push(`${name}: a button ${h} px tall`);
  }
  for (const v of await axeViolations(page)) if (v.impact === "critical" || v.impact === "serious") found.push(`${name}: ${v.id} ${JSON.stringify(v.nodes.slice(0, 2))}`);
  if (shots) {
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
  }
  return found;
}
