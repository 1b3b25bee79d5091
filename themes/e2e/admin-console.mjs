// Drives the admin console's Service accounts section in headless Chromium as a realm administrator would, in two
// parts (PART):
//   create    signs in, opens an organization, creates a service account in a project, generates a key and downloads
//             its key file, adds a federated credential for the issuer the realm trusts (a subject of only * refused
//             in place), disables it and deletes it, then makes the account a project.developer of the project.
//   activity  once the key file got a token and was refused one: the account's page says when it was last used, its
//             Activity tab lists the token got with that key and the refusal, the filters narrow the list, and the
//             project's list says the account was used; the project's Environments tab lists the environment the
//             account was made environment.admin of, and a spare one, which the administrator deletes; the environment's
//             page lists the account with its role, and the account's Memberships tab the environment with its project;
//             an account of a realm that stores no events has, instead of activity, the steps that turn storing on.
//
// Environment: KC_URL, KC_USER, KC_PASSWORD, REALM, ORGANIZATION (name), PROJECT (name), ACCOUNT (the account's
// name), OUT_DIR (where the key file goes), SCREENSHOT_DIR (optional), CHROMIUM (default /usr/bin/chromium), PART
// (default create); to create, ISSUER (the issuer URL of an identity provider of the realm) and ISSUER_NAME (its
// display name), SUBJECT (a subject pattern); for the activity, ACCOUNT_ID and KEY_ID (the key file's key),
// ENVIRONMENT (an environment of PROJECT the account is environment.admin of), SPARE_ENVIRONMENT (another one, to
// delete), QUIET_REALM (a realm that stores no events) and QUIET_ACCOUNT_ID (an account there).
// Prints one JSON line: {"keyFile": "<path>", "email": "<the account's identifier>"} (create) or
// {"lastUsed": "<as the account's page says it>", "entries": <rows of the Activity tab>, "environmentRole": "<the
// role the Memberships tab shows in ENVIRONMENT>"} (activity).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { check, env, expectText, launch, session, shot, signIn, step } from "./browser.mjs";

const outDir = env("OUT_DIR");
mkdirSync(outDir, { recursive: true });

const toast = (page, text) => expectText(page.getByTestId("iam-alert"), text);

/** Adds a federated credential, sees it listed, disables it and deletes it, on the account's page. */
const federatedCredential = async (page) => {
  await page.getByTestId("iam-tab-federated-credentials").click();
  await page.getByTestId("iam-add-federated-credential").first().click();
  await page.getByTestId("iam-credential-name").fill("ci-deploy");
  await page.getByTestId("iam-credential-issuer").selectOption(env("ISSUER"));
  await page.getByTestId("iam-credential-subject").fill("*");
  await expectText(page.getByTestId("iam-credential-subject-help"), "at least one character other than *");
  check(await page.getByTestId("iam-submit").isDisabled(), "a subject of only * can be submitted");
  await page.getByTestId("iam-credential-subject").fill(env("SUBJECT"));
  const audience = await page.getByTestId("iam-credential-audience").getAttribute("placeholder");
  check(audience === `${env("KC_URL")}/realms/${env("REALM")}`, `the audience offered is ${audience}`);
  await page.getByTestId("iam-add-claim").click();
  await page.getByTestId("iam-claim-name").last().fill("repository_owner");
  await page.getByTestId("iam-claim-pattern").last().fill("acme");
  await page.getByTestId("iam-submit").click();
  await toast(page, "Federated credential added");

  const row = page.getByRole("row").filter({ hasText: "ci-deploy" });
  await expectText(row.getByTestId("iam-credential-issuer-name"), env("ISSUER_NAME"));
  await expectText(row.getByTestId("iam-credential-subject-cell"), env("SUBJECT"));
  await expectText(row.getByTestId("iam-credential-claims"), "repository_owner");
  check(await row.getByTestId("iam-credential-enabled").isChecked(), "a new credential is not enabled");
  await shot(page, "admin-federated-credentials");

  // The switch's label takes the click, as a person's pointer lands on the drawn switch and not on the input.
  await row.locator("label", { has: page.getByTestId("iam-credential-enabled") }).click();
  await toast(page, "Federated credential disabled");
  await row.locator("[data-testid=iam-credential-enabled]:not(:checked)").waitFor();
  await page.getByRole("row").filter({ hasText: "ci-deploy" }).getByRole("button", { name: "Kebab toggle" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expectText(page.getByTestId("iam-confirm"), "Delete ci-deploy?");
  await page.getByTestId("iam-confirm-continue").click();
  await toast(page, "Federated credential deleted");
  await expectText(page.locator(".pf-v5-c-empty-state"), "No federated credentials");
};

/**
 * From the project's page: its environments, a spare one deleted; the account's environment with the account as a
 * member, and the account's Memberships tab naming that environment, its project and the role. Answers that role.
 */
const environments = async (page) => {
  const [environment, spare, account] = [env("ENVIRONMENT"), env("SPARE_ENVIRONMENT"), env("ACCOUNT")];
  await page.getByTestId("iam-tab-environments").click();
  await page.getByRole("row").filter({ hasText: spare }).getByRole("button", { name: "Kebab toggle" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expectText(page.getByTestId("iam-confirm"), `Delete ${spare} and every membership in it?`);
  await page.getByTestId("iam-confirm-continue").click();
  await toast(page, "Environment deleted");
  await page.getByTestId(`iam-environment-${spare}`).waitFor({ state: "detached" });

  await page.getByTestId(`iam-environment-${environment}`).click();
  await expectText(page.getByTestId("iam-page-title"), environment);
  await page.getByTestId(`iam-member-${account}`).waitFor();
  const role = await page.getByTestId(`iam-role-${account}`).inputValue();
  check(role === "environment.admin", `the account's role in ${environment}: ${role}`);
  await shot(page, "admin-environment");
  await page.getByTestId(`iam-member-${account}`).getByRole("link", { name: account }).click();
  await page.getByTestId("iam-tab-memberships").click();
  await expectText(page.getByTestId(`iam-membership-environment-${environment}`), environment);
  await expectText(page.getByTestId(`iam-membership-project-${environment}`), env("PROJECT"));
  await shot(page, "admin-memberships");
  return (await page.getByTestId(`iam-membership-role-${environment}`).innerText()).trim();
};

/** The part of the section at this path of the realm's Service accounts, signed in as the administrator. */
const open = async (page, path = "") => {
  await page.goto(`${env("KC_URL")}/admin/master/console/#/${env("REALM")}/service-accounts${path}`);
  await signIn(page, env("KC_USER"), env("KC_PASSWORD"));
};

/** The rows the Activity tab shows: kind, key or credential, details. */
const activityRows = (page) =>
  page.getByTestId("iam-activity").locator("tbody tr").evaluateAll((rows) => rows.map((row) => ({
    kind: row.querySelector("[data-testid=iam-activity-kind]")?.textContent ?? "",
    credential: row.querySelector("[data-testid=iam-activity-credential]")?.textContent ?? "",
    details: row.querySelector("[data-testid=iam-activity-details]")?.textContent ?? "",
  })));

/** The account's activity after its key file got a token and was refused one, and its last use. */
const activity = async (page) => {
  const keyShown = `Key ${env("KEY_ID").slice(0, 8)}…`;
  await open(page, `/accounts/${env("ACCOUNT_ID")}`);
  await page.getByTestId("iam-client-id").waitFor();
  const lastUsed = (await page.getByTestId("iam-account-last-used").innerText()).trim();
  check(lastUsed !== "never", "the account's page says it was never used");

  await page.getByTestId("iam-tab-activity").click();
  await page.getByTestId("iam-activity-kind").getByText("Refused", { exact: true }).first().waitFor();
  const entries = await activityRows(page);
  check(entries.some((e) => e.kind === "Token" && e.credential.includes(keyShown)), `no token of ${keyShown}: ${JSON.stringify(entries)}`);
  await shot(page, "admin-activity");

  await page.getByTestId("iam-activity-kind-filter").selectOption("api");
  await expectText(page.locator(".pf-v5-c-empty-state"), "Nothing matches the filter");
  await page.getByTestId("iam-activity-kind-filter").selectOption("token_refused");
  await page.getByTestId("iam-activity-credential-filter").selectOption(`key:${env("KEY_ID")}`);
  await page.getByTestId("iam-activity").waitFor();
  const refused = await activityRows(page);
  check(refused.length > 0 && refused.every((r) => r.kind === "Refused" && r.credential.includes(keyShown)),
    `refused tokens of the key: ${JSON.stringify(refused)}`);
  await page.getByTestId("iam-activity-kind-filter").selectOption("");
  check((await activityRows(page)).length === entries.length, "all kinds of the key do not show every entry");

  await page.getByTestId("iam-owning-project").click();
  const listed = page.getByTestId(`iam-last-used-${env("ACCOUNT")}`);
  await listed.waitFor();
  check((await listed.innerText()).trim() !== "never", "the project's list says the account was never used");
  const environmentRole = await environments(page);

  // Loaded afresh: the admin console follows a realm named in the address only when it loads, or when its own links
  // change it.
  await page.goto(`${env("KC_URL")}/admin/master/console/#/${env("QUIET_REALM")}/service-accounts/accounts/${env("QUIET_ACCOUNT_ID")}`);
  await page.reload();
  await page.getByTestId("iam-tab-activity").click();
  await expectText(page.getByTestId("iam-events-not-stored"), "This realm stores no events");
  await expectText(page.getByTestId("iam-events-not-stored"), "CLIENT_LOGIN_ERROR");
  check(await page.getByTestId("iam-activity").count() === 0, "a realm without events shows an activity table");
  await shot(page, "admin-activity-not-stored");
  return { lastUsed, entries, environmentRole };
};

/** Creates the account, its key and key file, a federated credential, and makes the account a member. */
const create = async (page) => {
  await open(page);
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
  await federatedCredential(page);

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
};

const browser = await launch();
try {
  const { page, close } = await session(browser, { width: 1440, height: 900 });
  const part = env("PART", "create");
  const result = await step(page, outDir, `administrator: ${part}`, () => (part === "activity" ? activity(page) : create(page)));
  await close();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
