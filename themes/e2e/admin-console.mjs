// Drives the admin console in headless Chromium as an administrator would: signs in, opens the Service accounts
// section, creates a service account in a project, generates a key and downloads its key file, then makes the
// account a project.developer of the project.
//
// Environment: KC_URL, KC_USER, KC_PASSWORD, REALM, ORGANIZATION (name), PROJECT (name), ACCOUNT (new account's
// name), OUT_DIR (where the key file goes), SCREENSHOT_DIR (optional), CHROMIUM (default /usr/bin/chromium).
// Prints one JSON line: {"keyFile": "<path>"}.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const url = env("KC_URL");
const realm = env("REALM");
const outDir = env("OUT_DIR");
const screenshots = process.env.SCREENSHOT_DIR;
mkdirSync(outDir, { recursive: true });
if (screenshots) mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: env("CHROMIUM", "/usr/bin/chromium"),
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
page.setDefaultTimeout(30_000);
page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
page.on("response", (response) => response.status() >= 400 && console.error(`${response.status()} ${response.url()}`));
const shot = async (name) => {
  if (screenshots) await page.screenshot({ path: join(screenshots, `${name}.png`) });
};

try {
  await page.goto(`${url}/admin/master/console/#/${realm}/service-accounts`);
  await page.fill("#username", env("KC_USER"));
  await page.fill("#password", env("KC_PASSWORD"));
  await page.click("#kc-login");

  await page.getByRole("link", { name: env("ORGANIZATION"), exact: true }).click();
  await page.getByTestId("iam-create-project").waitFor();
  await shot("organization");
  await page.getByRole("link", { name: env("PROJECT"), exact: true }).click();

  await page.getByTestId("iam-create-service-account").click();
  await page.getByTestId("iam-name").fill(env("ACCOUNT"));
  await page.getByTestId("iam-description").fill("Created in the admin console");
  await page.getByTestId("iam-save").click();
  await page.getByTestId("iam-client-id").waitFor();

  await page.getByTestId("iam-generate-key").first().click();
  await page.getByTestId("iam-key-algorithm").selectOption("RS256");
  await page.getByTestId("iam-generate-key-confirm").click();
  await page.getByTestId("iam-key-file").waitFor();
  await shot("key-file");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("iam-download-key-file").click(),
  ]);
  const keyFile = join(outDir, download.suggestedFilename());
  await download.saveAs(keyFile);
  await page.getByTestId("iam-close-key-file").click();
  await page.getByTestId("iam-key-id").first().waitFor();
  await shot("service-account-keys");

  const email = (await page.getByTestId("iam-account-email").locator("input").inputValue()).trim();
  await page.getByRole("link", { name: "Open the project" }).click();
  await page.getByTestId("iam-tab-members").click();
  await page.getByTestId("iam-add-member").first().click();
  await page.getByTestId("iam-member-email").fill(email);
  await page.getByTestId("iam-member-role").selectOption("project.developer");
  await page.getByTestId("iam-add-member-confirm").click();
  await page.getByText(email, { exact: true }).waitFor();
  await shot("project-members");
  console.log(JSON.stringify({ keyFile, email }));
} catch (error) {
  await page.screenshot({ path: join(outDir, "failure.png") }).catch(() => {});
  throw error;
} finally {
  await browser.close();
}
