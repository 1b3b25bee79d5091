// What the console scripts share: Chromium (Debian's, through playwright-core), sign-in, screenshots, and checks
// that fail the script with a message saying what a person would have seen instead.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const screenshots = process.env.SCREENSHOT_DIR || undefined;
if (screenshots) mkdirSync(screenshots, { recursive: true });

export const launch = () =>
  chromium.launch({
    executablePath: env("CHROMIUM", "/usr/bin/chromium"),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });

/**
 * A fresh browser session (no cookies, so a fresh sign-in) whose uncaught page errors are collected: a console page
 * that throws fails the script even where the page still looks right.
 */
export const session = async (browser, { width = 1400, height = 900 } = {}) => {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width, height },
    locale: "en-US",
    timezoneId: env("TIMEZONE", "Europe/Berlin"),
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (r) => r.status() >= 500 && console.error(`${r.status()} ${r.url()}`));
  return {
    page,
    async close() {
      await context.close();
      if (errors.length) throw new Error(`uncaught page errors: ${errors.join("; ")}`);
    },
  };
};

/** Keycloak's login form, as a person fills it. */
export const signIn = async (page, username, password = username) => {
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
};

/** A screenshot for the README, without the toasts of earlier steps (hidden for the picture only). */
export const shot = async (page, name) => {
  if (screenshots) {
    await page.screenshot({ path: join(screenshots, `${name}.png`), style: ".pf-v5-c-alert-group.pf-m-toast { display: none }" });
  }
};

export const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

/** Waits until the element shows exactly this text (whitespace trimmed), or fails with what it showed. */
export const expectText = async (locator, expected) => {
  try {
    await locator.filter({ hasText: expected }).first().waitFor({ timeout: 10_000 });
  } catch {
    const seen = (await locator.allInnerTexts().catch(() => [])).join(" | ");
    throw new Error(`expected "${expected}", saw "${seen}"`);
  }
};

/** Runs a step; on failure, keeps a screenshot of what the page showed beside the error. */
export const step = async (page, outDir, name, body) => {
  try {
    return await body();
  } catch (error) {
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, `failure-${name}.png`), fullPage: true }).catch(() => {});
    throw new Error(`${name}: ${error.message}`);
  }
};
