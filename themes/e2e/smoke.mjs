// The shortest check that both consoles load on this Keycloak and show the Service accounts section: a member signs
// in to the account console and sees their organization; an administrator signs in to the admin console and sees
// it too. For each supported Keycloak line (ConsoleSmokeIT).
//
// Environment: KC_URL, REALM, ORGANIZATION, MEMBER (password = username), KC_USER, KC_PASSWORD, OUT_DIR, CHROMIUM.
// Prints one JSON line: {"account": "<title>", "admin": "<title>"}.
import { env, expectText, launch, session, signIn, step } from "./browser.mjs";

const url = env("KC_URL");
const realm = env("REALM");
const organization = env("ORGANIZATION");
const outDir = env("OUT_DIR");

const browser = await launch();
const result = {};
try {
  for (const [console, open] of [
    ["account", async (page) => {
      await page.goto(`${url}/realms/${realm}/account/`);
      await signIn(page, env("MEMBER"));
      await page.getByTestId("service-accounts").click();
    }],
    ["admin", async (page) => {
      await page.goto(`${url}/admin/master/console/#/${realm}/service-accounts`);
      await signIn(page, env("KC_USER"), env("KC_PASSWORD"));
    }],
  ]) {
    const { page, close } = await session(browser);
    await step(page, outDir, `${console} console`, async () => {
      await open(page);
      await expectText(page.getByTestId("iam-page-title"), "Service accounts");
      await page.getByRole("link", { name: organization, exact: true }).waitFor();
      result[console] = await page.title();
    });
    await close();
  }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
