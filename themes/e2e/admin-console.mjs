// Drives the admin console's Service accounts section in headless Chromium as a realm administrator would: signs
// in, opens an organization, creates a service account in a project, generates a key and downloads its key file,
// then makes the account a project.developer of the project.
//
// Environment: KC_URL, KC_USER, KC_PASSWORD, REALM, ORGANIZATION (name), PROJECT (name), ACCOUNT (new account's
// name), OUT_DIR (where the key file goes), SCREENSHOT_DIR (optional), CHROMIUM (default /usr/bin/chromium).
// Prints one JSON line: {"keyFile": "<path>", "email": "<the account's identifier>"}.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { env, expectText, launch, session, shot, signIn, step } from "./browser.mjs";

const outDir = env("OUT_DIR");
mkdirSync(outDir, { recursive: true });

const browser = await launch();
try {
  const { page, close } = await session(browser, { width: 1440, height: 900 });
  const result = await step(page, outDir, "administrator", async () => {
    await page.goto(`${env("KC_URL")}/admin/master/console/#/${env("REALM")}/service-accounts`);
    await signIn(page, env("KC_USER"), env("KC_PASSWORD"));
    await page.getByTestId("iam-create-organization").waitFor();

    await page.getByRole("link", { name: env("ORGANIZATION"), exact: true }).click();
    await page.getByTestId("iam-create-project").waitFor();
    await shot(page, "admin-organization");
    await page.getByRole("link", { name: env("PROJECT"), exact: true }).click();

    await page.getByTestId("iam-create-service-account").first().click();
    await page.getByTestId("iam-name").fill(env("ACCOUNT"));
    await page.getByTestId("iam-description").fill("Created in the admin console");
    await page.getByTestId("iam-submit").click();
    await page.getByTestId("iam-client-id").waitFor();

    await page.getByTestId("iam-generate-key").first().click();
    await page.getByTestId("iam-key-algorithm").selectOption("RS256");
    await page.getByTestId("iam-submit").click();
    await page.getByTestId("iam-key-file").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("iam-download-key-file").click()]);
    const keyFile = join(outDir, download.suggestedFilename());
    await download.saveAs(keyFile);
    await page.getByTestId("iam-close-key-file").click();
    await page.getByTestId("iam-key-id").first().waitFor();
    await shot(page, "admin-service-account");

    const email = (await page.getByTestId("iam-account-email").locator("input").inputValue()).trim();
    await page.getByTestId("iam-owning-project").click();
    await page.getByTestId("iam-tab-members").click();
    await page.getByTestId("iam-add-member").first().click();
    await page.getByTestId("iam-member-email").fill(email);
    await page.getByTestId("iam-member-role").selectOption("project.developer");
    await page.getByTestId("iam-submit").click();
    await expectText(page.getByTestId("iam-alert"), "Member added");
    await page.getByText(email, { exact: true }).waitFor();
    return { keyFile, email };
  });
  await close();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
