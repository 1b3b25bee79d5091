// Drives the account console's Service accounts section in headless Chromium, each member doing their own job with
// their ordinary account (no Keycloak admin role), in this order:
//   alice (organization.admin)  creates a project and adds an organization administrator
//   carol (project.developer)   creates a service account (a bad name is refused in place), sets its assertion
//                               lifetime (9999 and "abc" refused in place), generates a key with an expiry day
//                               (a day in another format refused in place), is asked before closing the key file
//                               unsaved, copies and downloads it
//   carol                       replaces that key: generates another, downloads its key file, and disables the first
//                               one saying it was replaced by a new key, which the table then shows
//   carol                       adds a federated credential for the issuer the realm trusts (a claim row without a
//                               name refused in place), then narrows it to one CI job's subject and repository
//   bob   (project.admin)       is told in words that an email is unknown, adds a member by email (spaces
//                               trimmed), changes the role, removes the member, adds the service account; creates
//                               an environment of Website (offered only the environment roles there), makes henry its
//                               environment.reader, and edits its description from Website's Environments tab
//   henry (environment.reader)  has no role in Website: finds the environment on the landing page, opens it (its
//                               project and organization named in plain text, not links), reads its members and
//                               finds nothing to change
//   dave  (project.user)        reads, finds no button to change anything (keys, federated credentials and
//                               environments included), sees Website's environment but is told in words that its
//                               members are not shown to his role, sees why the first key is disabled and that the
//                               account has no activity yet, finds the account, both keys and the credential in the
//                               project's Unused tab with days=0 (and none of them with 365: never used counts
//                               from creation), and gets Not found for a project he is not in
//   alice                       makes the account project.admin of Mobile app
//   carol                       is refused a new key and a new federated credential for it (either would hand her
//                               that role), in the server's words
//   alice                       moves the service account to her new project
//   erin  (no role)             sees no organization
//
// Environment: KC_URL, REALM, ORGANIZATION, WEBSITE (project name), MOBILE and MOBILE_ID (a project dave is not in),
// NEW_PROJECT, NEW_ADMIN_EMAIL, NEW_MEMBER_EMAIL, UNKNOWN_EMAIL, ACCOUNT (new service account's name), EXPIRY_DAY
// (YYYY-MM-DD), ISSUER (the issuer URL of the realm's one identity provider), SUBJECT (the sub of a CI job's tokens),
// ENVIRONMENT (the new environment's name), ENVIRONMENT_MEMBER_EMAIL (henry's: a user with no role yet),
// OUT_DIR, SCREENSHOT_DIR (optional), CHROMIUM, TIMEZONE (default Europe/Berlin).
// Prints one JSON line: {"keyFile", "newKeyFile", "email", "accountId", "copiedKeyId", "expiryShown", "refusal",
// "credentialRefusal", "environmentId"}: keyFile is the first key's (disabled), newKeyFile the one that replaced it.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { check, env, expectText, launch, session, shot, signIn, step } from "./browser.mjs";

const url = env("KC_URL");
const account = `${url}/realms/${env("REALM")}/account`;
const organization = env("ORGANIZATION");
const website = env("WEBSITE");
const newProject = env("NEW_PROJECT");
const accountName = env("ACCOUNT");
const environment = env("ENVIRONMENT");
const environmentMember = env("ENVIRONMENT_MEMBER_EMAIL");
const outDir = env("OUT_DIR");
mkdirSync(outDir, { recursive: true });

/** Signs in to the account console and opens the Service accounts section from its navigation. */
const openSection = async (page, username) => {
  await page.goto(`${account}/`);
  await signIn(page, username);
  await page.getByTestId("service-accounts").click();
  await expectText(page.getByTestId("iam-page-title"), "Service accounts");
};

const openLink = (page, name) => page.getByRole("link", { name, exact: true }).first().click();

/** Signs in and goes to the project Website through the pages, as a member finds it. */
const openWebsite = async (page, username) => {
  await openSection(page, username);
  await openLink(page, organization);
  await openLink(page, website);
};
const toast = (page, text) => expectText(page.getByTestId("iam-alert"), text);
const rowMenu = async (page, rowText, item) => {
  await page.getByRole("row").filter({ hasText: rowText }).getByRole("button", { name: "Kebab toggle" }).click();
  await page.getByRole("menuitem", { name: item }).click();
};

const as = async (browser, username, name, body) => {
  const { page, close } = await session(browser);
  await step(page, outDir, `${username}: ${name}`, () => body(page));
  await close();
};

const browser = await launch();
const result = {};
try {
  await as(browser, "alice", "create a project and add an administrator", async (page) => {
    await openSection(page, "alice");
    await shot(page, "account-organizations");
    await openLink(page, organization);
    await page.getByTestId("iam-create-project").click();
    // A name the organization has already: the refusal stays in the dialog, and goes once the project is made.
    await page.getByTestId("iam-name").fill(website);
    await page.getByTestId("iam-submit").click();
    await page.getByTestId("iam-form-error").waitFor();
    await page.getByTestId("iam-name").fill(newProject);
    await page.getByTestId("iam-description").fill("Created in the account console");
    await page.getByTestId("iam-submit").click();
    await expectText(page.getByTestId("iam-page-title"), newProject);
    await expectText(page.getByTestId("iam-breadcrumbs"), organization);
    await toast(page, "Project created");
    check(await page.locator(".pf-v5-c-alert.pf-m-danger").count() === 0, "an error is still shown after the project was made");

    await page.getByTestId("iam-breadcrumbs").getByRole("link", { name: organization }).click();
    await page.getByTestId("iam-tab-admins").click();
    await page.getByTestId("iam-add-member").click();
    const roles = await page.getByTestId("iam-member-role").locator("option").allInnerTexts();
    check(roles.join() === "organization.admin", `an organization offers only organization.admin, saw ${roles}`);
    await page.getByTestId("iam-member-email").fill(`  ${env("NEW_ADMIN_EMAIL")} `);
    await page.getByTestId("iam-submit").click();
    await toast(page, "Member added");
    await page.getByTestId(`iam-member-${env("NEW_ADMIN_EMAIL").split("@")[0]}`).waitFor();
    await page.getByTestId("iam-tab-projects").click();
    await page.getByRole("link", { name: newProject, exact: true }).waitFor();
    await shot(page, "account-organization");
  });

  await as(browser, "carol", "create a service account and a key, keep the key file", async (page) => {
    await openWebsite(page, "carol");
    await page.getByTestId("iam-create-service-account").click();
    await page.getByTestId("iam-name").fill("Nightly_Export");
    await expectText(page.getByTestId("iam-name-help"), "3 to 30 lower-case letters");
    check(await page.getByTestId("iam-submit").isDisabled(), "a bad service-account name can be submitted");
    await page.getByTestId("iam-name").fill(accountName);
    await page.getByTestId("iam-submit").click();
    await expectText(page.getByTestId("iam-page-title"), accountName);
    await expectText(page.getByTestId("iam-owning-project"), website);
    result.accountId = page.url().split("/").pop();

    for (const typed of ["9999", "abc", "0"]) {
      await page.getByTestId("iam-assertion-lifetime").fill(typed);
      await expectText(page.getByTestId("iam-assertion-lifetime-help"), "whole number of seconds from 1 to 600");
      check(await page.getByTestId("iam-assertion-lifetime-save").isDisabled(), `lifetime ${typed} can be saved`);
    }
    await page.getByTestId("iam-assertion-lifetime").fill("300");
    await page.getByTestId("iam-assertion-lifetime-save").click();
    await toast(page, "Assertion lifetime saved");

    // Uploading a public key takes a last day too.
    await page.getByTestId("iam-upload-key").first().click();
    await page.getByTestId("iam-key-expires").fill("2030-02-30");
    await expectText(page.getByTestId("iam-key-expires-help"), "Type the day as YYYY-MM-DD");
    await page.getByRole("button", { name: "Cancel" }).click();

    await page.getByTestId("iam-generate-key").first().click();
    await page.getByTestId("iam-key-algorithm").selectOption("RS256");
    await page.getByTestId("iam-key-expires").fill("31/12/2030");
    await expectText(page.getByTestId("iam-key-expires-help"), "Type the day as YYYY-MM-DD");
    check(await page.getByTestId("iam-submit").isDisabled(), "a day in another format can be submitted");
    await page.getByTestId("iam-key-expires").fill(env("EXPIRY_DAY"));
    await expectText(page.getByTestId("iam-key-expires-help"), "Works until the end of that day");
    result.expiryShown = await page.getByTestId("iam-key-expires-help").innerText();
    await page.getByTestId("iam-submit").click();
    await page.getByTestId("iam-key-file").waitFor();
    await shot(page, "account-key-file");

    // Escape before the file was kept asks first; Cancel brings the key file back.
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "Close without the key file?" }).waitFor();
    await page.getByTestId("iam-confirm-cancel").click();
    await page.getByTestId("iam-key-file").waitFor();
    await page.getByTestId("iam-copy-key-file").click();
    await expectText(page.getByTestId("iam-key-file-state"), "Key file copied");
    result.copiedKeyId = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).keyId;
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("iam-download-key-file").click()]);
    result.keyFile = join(outDir, download.suggestedFilename());
    await download.saveAs(result.keyFile);
    await page.getByTestId("iam-close-key-file").click();
    await page.getByTestId("iam-key-file-dialog").waitFor({ state: "detached" });
    check(await page.getByTestId("iam-confirm").count() === 0, "closing a downloaded key file still asks");
    await page.getByTestId("iam-key-fingerprint").first().waitFor();
    result.email = (await page.getByTestId("iam-account-email").locator("input").inputValue()).trim();
    await shot(page, "account-service-account");
  });

  await as(browser, "carol", "replace the key with a new one", async (page) => {
    await openSection(page, "carol");
    await page.goto(`${account}/service-accounts/accounts/${result.accountId}`);
    await page.getByTestId("iam-generate-key").first().click();
    await page.getByTestId("iam-key-algorithm").selectOption("ES256");
    await page.getByTestId("iam-submit").click();
    await page.getByTestId("iam-key-file").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("iam-download-key-file").click()]);
    result.newKeyFile = join(outDir, download.suggestedFilename());
    await download.saveAs(result.newKeyFile);
    await page.getByTestId("iam-close-key-file").click();
    await page.getByTestId("iam-key-file-dialog").waitFor({ state: "detached" });

    const first = page.getByRole("row").filter({ hasText: result.copiedKeyId });
    await first.locator("label", { has: page.getByTestId("iam-key-enabled") }).click();
    await page.getByTestId("iam-disable-key").waitFor();
    check(await page.getByTestId("iam-disable-reason-user").isChecked(), "the reason offered first is not No longer needed");
    await page.getByTestId("iam-disable-reason-rotated").check();
    await shot(page, "account-disable-key");
    await page.getByTestId("iam-submit").click();
    await toast(page, "Key disabled");
    await expectText(first.getByTestId("iam-key-disabled-reason"), "Replaced by a new key");
    check(!(await first.getByTestId("iam-key-enabled").isChecked()), "the replaced key is still enabled");
    const second = page.getByRole("row").filter({ hasNot: page.getByText(result.copiedKeyId) }).filter({ has: page.getByTestId("iam-key-id") });
    check(await second.getByTestId("iam-key-enabled").isChecked(), "the new key is not enabled");
    await shot(page, "account-key-replaced");
  });

  await as(browser, "carol", "add a federated credential and narrow it to a CI job", async (page) => {
    await openSection(page, "carol");
    await page.goto(`${account}/service-accounts/accounts/${result.accountId}`);
    await page.getByTestId("iam-tab-federated-credentials").click();
    await expectText(page.locator(".pf-v5-c-empty-state"), "No federated credentials");
    await page.getByTestId("iam-add-federated-credential").click();
    await page.getByTestId("iam-credential-name").fill("github-main");
    // The realm trusts one issuer: it is chosen already.
    check(await page.getByTestId("iam-credential-issuer").inputValue() === env("ISSUER"), "the one trusted issuer is not chosen");
    await page.getByTestId("iam-pattern-examples").getByRole("button", { name: "Examples" }).click();
    await expectText(page.getByTestId("iam-pattern-examples"), "system:serviceaccount:ci:deployer");
    await page.getByTestId("iam-credential-subject").fill("repo:acme/web:*");
    await page.getByTestId("iam-add-claim").click();
    await page.getByTestId("iam-claim-pattern").last().fill("refs/heads/*");
    await expectText(page.getByTestId("iam-claim-row").last(), "Name the claim");
    check(await page.getByTestId("iam-submit").isDisabled(), "a claim pattern without a name can be submitted");
    await page.getByTestId("iam-claim-name").last().fill("ref");
    await page.getByTestId("iam-credential-expires").fill(env("EXPIRY_DAY"));
    await expectText(page.getByTestId("iam-credential-expires-help"), "Works until the end of that day");
    await page.getByTestId("iam-submit").click();
    await toast(page, "Federated credential added");
    await expectText(page.getByTestId("iam-credential-claims"), "ref");

    await rowMenu(page, "github-main", "Edit");
    check(await page.getByTestId("iam-credential-issuer").getAttribute("readonly") !== null, "the issuer can be changed");
    await page.getByTestId("iam-credential-subject").fill(env("SUBJECT"));
    await page.getByTestId("iam-remove-claim").click();
    await page.getByTestId("iam-add-claim").click();
    await page.getByTestId("iam-claim-name").last().fill("iss");
    await expectText(page.getByTestId("iam-claim-row").last(), "iss is checked by its own field");
    await page.getByTestId("iam-claim-name").last().fill("repository");
    await page.getByTestId("iam-claim-pattern").last().fill("acme/*");
    await page.getByTestId("iam-submit").click();
    await toast(page, "Federated credential saved");
    await expectText(page.getByTestId("iam-credential-subject-cell"), env("SUBJECT"));
    await expectText(page.getByTestId("iam-credential-claims"), "repository");
    await shot(page, "account-federated-credentials");
  });

  await as(browser, "bob", "add a member, change the role, remove the member, add the account", async (page) => {
    await openWebsite(page, "bob");
    await page.getByTestId("iam-tab-members").click();
    await page.getByTestId("iam-add-member").click();
    await page.getByTestId("iam-member-email").fill(env("UNKNOWN_EMAIL"));
    await page.getByTestId("iam-submit").click();
    await expectText(page.getByTestId("iam-member-email-help"), `Nobody in this realm has the email ${env("UNKNOWN_EMAIL")}`);

    const member = env("NEW_MEMBER_EMAIL");
    const username = member.split("@")[0];
    await page.getByTestId("iam-member-email").fill(`  ${member}  `);
    await page.getByTestId("iam-member-role").selectOption("project.developer");
    await page.getByTestId("iam-submit").click();
    await toast(page, "Member added");
    await page.getByTestId(`iam-member-${username}`).waitFor();
    check(await page.getByTestId(`iam-role-${username}`).inputValue() === "project.developer", "the new member's role");

    await page.getByTestId(`iam-role-${username}`).selectOption("project.user");
    await toast(page, "Role changed");
    await rowMenu(page, member, "Remove");
    await expectText(page.getByTestId("iam-confirm"), `Remove ${username}?`);
    await page.getByTestId("iam-confirm-continue").click();
    await toast(page, "Member removed");
    await page.getByTestId(`iam-member-${username}`).waitFor({ state: "detached" });

    await page.getByTestId("iam-add-member").click();
    await page.getByTestId("iam-member-email").fill(result.email);
    await page.getByTestId("iam-member-role").selectOption("project.user");
    await page.getByTestId("iam-submit").click();
    await page.getByTestId(`iam-member-${accountName}`).getByRole("link", { name: accountName }).waitFor();
    await expectText(page.getByTestId(`iam-member-owner-${accountName}`), `${website} · ${organization}`);
    await shot(page, "account-project-members");

    // An environment of Website, whose reader needs no role in Website; bob is its environment.admin as project.admin.
    await page.getByTestId("iam-tab-environments").click();
    await expectText(page.locator(".pf-v5-c-empty-state"), "No environments");
    await page.getByTestId("iam-create-environment").click();
    await page.getByTestId("iam-name").fill(environment);
    await page.getByTestId("iam-description").fill("Before production");
    await page.getByTestId("iam-submit").click();
    await expectText(page.getByTestId("iam-page-title"), environment);
    await toast(page, "Environment created");
    result.environmentId = page.url().split("/").pop();
    const crumbs = await page.getByTestId("iam-breadcrumbs").getByRole("link").allInnerTexts();
    check(crumbs.join() === `Service accounts,${organization},${website}`, `the environment's crumbs link ${crumbs}`);
    await page.getByTestId("iam-add-member").click();
    const roles = await page.getByTestId("iam-member-role").locator("option").allInnerTexts();
    check(roles.join() === "environment.reader,environment.admin", `an environment offers the roles ${roles}`);
    await page.getByTestId("iam-member-email").fill(environmentMember);
    await page.getByTestId("iam-submit").click();
    const reader = environmentMember.split("@")[0];
    await page.getByTestId(`iam-member-${reader}`).waitFor();
    check(await page.getByTestId(`iam-role-${reader}`).inputValue() === "environment.reader", "the environment member's role");
    await shot(page, "environment-page");

    await page.getByTestId("iam-breadcrumbs").getByRole("link", { name: website }).click();
    await page.getByTestId("iam-tab-environments").click();
    await rowMenu(page, environment, "Edit");
    await page.getByTestId("iam-description").fill("Before production, for the testers");
    await page.getByTestId("iam-submit").click();
    await toast(page, "Environment saved");
    await expectText(page.getByRole("row").filter({ hasText: environment }), "for the testers");
  });

  await as(browser, "henry", "find his environment without a role in its project", async (page) => {
    await openSection(page, "henry");
    const listed = page.getByTestId("iam-your-environments").getByRole("link", { name: environment, exact: true });
    await listed.waitFor();
    await shot(page, "account-your-environments");
    await listed.click();
    await expectText(page.getByTestId("iam-page-title"), environment);
    // Website and Acme answer him 404: they are named, without a link.
    const crumbs = await page.getByTestId("iam-breadcrumbs").getByRole("link").allInnerTexts();
    check(crumbs.join() === "Service accounts", `henry's crumbs link ${crumbs}`);
    await expectText(page.getByTestId("iam-environment-project"), website);
    await page.getByTestId("iam-member-henry").waitFor();
    check(await page.getByTestId("iam-role-henry").evaluate((e) => e.tagName) !== "SELECT", "an environment.reader can change roles");
    check(await page.getByTestId("iam-add-member").count() === 0, "an environment.reader is offered Add member");
    check(await page.getByTestId("iam-header-actions").count() === 0, "an environment.reader has the environment's Action menu");
  });

  await as(browser, "dave", "read, and find nothing to change", async (page) => {
    await openSection(page, "dave");
    await openLink(page, organization);
    await page.getByRole("link", { name: website, exact: true }).waitFor();
    check(await page.getByTestId("iam-create-project").count() === 0, "a project.user is offered Create project");
    await page.getByTestId("iam-tab-admins").click();
    await page.getByTestId("iam-member-alice").waitFor();
    check(await page.getByTestId("iam-add-member").count() === 0, "a project.user is offered Add member (organization)");

    await page.getByTestId("iam-tab-projects").click();
    await openLink(page, website);
    await page.getByTestId(`iam-enabled-${accountName}`).waitFor();
    check(await page.getByTestId("iam-create-service-account").count() === 0, "a project.user is offered Create service account");
    check(await page.getByTestId(`iam-enabled-${accountName}`).isDisabled(), "a project.user can disable an account");
    check(await page.getByTestId("iam-header-actions").count() === 0, "a project.user has the project's Action menu");
    await page.getByTestId("iam-tab-members").click();
    await page.getByTestId("iam-member-carol").waitFor();
    check(await page.getByTestId("iam-add-member").count() === 0, "a project.user is offered Add member");
    check(await page.getByTestId("iam-role-carol").evaluate((e) => e.tagName) !== "SELECT", "a project.user can change roles");
    await shot(page, "account-read-only");

    // He sees that Website has an environment, not who is in it.
    await page.getByTestId("iam-tab-environments").click();
    await page.getByTestId(`iam-environment-${environment}`).waitFor();
    check(await page.getByTestId("iam-create-environment").count() === 0, "a project.user is offered Create environment");
    check(await page.getByRole("button", { name: "Kebab toggle" }).count() === 0, "a project.user has an environment's menu");
    await page.getByTestId(`iam-environment-${environment}`).click();
    await page.getByTestId("iam-environment-project").getByRole("link", { name: website }).waitFor();
    await expectText(page.getByTestId("iam-load-forbidden"), "Your role does not allow this");
    await shot(page, "account-environment-read-only");
    check(await page.getByTestId("iam-header-actions").count() === 0, "a project.user has the environment's Action menu");
    await page.getByTestId("iam-breadcrumbs").getByRole("link", { name: website }).click();

    await page.getByTestId("iam-tab-accounts").click();
    await openLink(page, accountName);
    await page.getByTestId("iam-key-fingerprint").first().waitFor();
    check(await page.getByTestId("iam-generate-key").count() === 0, "a project.user is offered Generate key");
    check(await page.getByTestId("iam-header-actions").count() === 0, "a project.user has the account's Action menu");
    check(await page.getByTestId("iam-header-enabled").isDisabled(), "a project.user can disable the account");
    await expectText(page.getByTestId("iam-assertion-lifetime"), "300 s");
    await page.getByTestId("iam-tab-federated-credentials").click();
    await expectText(page.getByTestId("iam-credential-name-cell"), "github-main");
    check(await page.getByTestId("iam-add-federated-credential").count() === 0, "a project.user is offered Add federated credential");
    check(await page.getByTestId("iam-credential-enabled").isDisabled(), "a project.user can disable a federated credential");
    check(await page.getByRole("button", { name: "Kebab toggle" }).count() === 0, "a project.user has a credential's menu");
    await page.getByTestId("iam-tab-keys").click();
    await expectText(page.getByTestId("iam-key-disabled-reason"), "Replaced by a new key");
    await page.getByTestId("iam-tab-activity").click();
    await expectText(page.locator(".pf-v5-c-empty-state"), "No activity yet");

    // Nothing of the account got a token yet: with days=0 all of it is unused, with 365 none (never used counts
    // from creation, which was today).
    await page.getByTestId("iam-owning-project").click();
    await page.waitForURL(/\/projects\/[^/?]+$/);
    await page.goto(`${page.url()}?days=0`);
    await page.getByTestId("iam-tab-unused").click();
    check(await page.getByTestId("iam-unused-days").inputValue() === "0", "the Unused tab did not take days=0 from the address");
    const unused = page.getByTestId("iam-unused-accounts").getByRole("row").filter({ hasText: accountName });
    await expectText(unused, "never");
    const link = await unused.getByRole("link", { name: accountName }).getAttribute("href");
    check(link.endsWith(`/accounts/${result.accountId}`), `the unused account links to ${link}`);
    const keys = page.getByTestId("iam-unused-keys").getByRole("row").filter({ hasText: accountName });
    check(await keys.count() === 2, `unused keys of the account: ${await keys.count()}`);
    await expectText(page.getByTestId("iam-unused-credentials"), "github-main");
    await shot(page, "account-unused");
    await page.getByTestId("iam-unused-days").selectOption("365");
    await expectText(page.getByTestId("iam-unused-accounts"), "No service account of this project has gone unused that long.");
    check(page.url().endsWith("?days=365"), `the address did not follow the days chosen: ${page.url()}`);

    await page.goto(`${account}/service-accounts/projects/${env("MOBILE_ID")}`);
    await expectText(page.getByTestId("iam-not-found"), "Not found");
  });

  await as(browser, "alice", "make the account project.admin of another project", async (page) => {
    await openSection(page, "alice");
    await openLink(page, organization);
    await openLink(page, env("MOBILE"));
    await page.getByTestId("iam-tab-members").click();
    await page.getByTestId("iam-add-member").click();
    await page.getByTestId("iam-member-email").fill(result.email);
    await page.getByTestId("iam-member-role").selectOption("project.admin");
    await page.getByTestId("iam-submit").click();
    await page.getByTestId(`iam-member-${accountName}`).waitFor();
  });

  await as(browser, "carol", "is told in words why she may not make a key now", async (page) => {
    // The account is project.admin of Mobile app, where carol has no role: a key would hand her that role.
    await openSection(page, "carol");
    await page.goto(`${account}/service-accounts/accounts/${result.accountId}`);
    await page.getByTestId("iam-generate-key").first().click();
    await page.getByTestId("iam-submit").click();
    await page.getByTestId("iam-form-error").waitFor();
    result.refusal = await page.getByTestId("iam-form-error").innerText();
    await shot(page, "account-key-refused");
    await page.getByRole("button", { name: "Cancel" }).click();

    // Nor a federated credential, for the same reason; the refusal is shown in the dialog, scrolled into view.
    await page.getByTestId("iam-tab-federated-credentials").click();
    await page.getByTestId("iam-add-federated-credential").click();
    await page.getByTestId("iam-credential-name").fill("github-dev");
    await page.getByTestId("iam-credential-subject").fill("repo:acme/web:ref:refs/heads/dev");
    await page.getByTestId("iam-submit").click();
    await page.getByTestId("iam-form-error").waitFor();
    check(await page.getByTestId("iam-form-error").isVisible(), "the refusal is out of view");
    result.credentialRefusal = await page.getByTestId("iam-form-error").innerText();
  });

  await as(browser, "alice", "move the service account to her new project", async (page) => {
    await openWebsite(page, "alice");
    await openLink(page, accountName);
    await page.getByTestId("iam-header-actions").click();
    await page.getByTestId("iam-action-move").click();
    await page.getByTestId("iam-move-target").selectOption({ label: newProject });
    await page.getByTestId("iam-submit").click();
    await toast(page, `Service account moved to ${newProject}`);
    await expectText(page.getByTestId("iam-owning-project"), newProject);
    await expectText(page.getByTestId("iam-breadcrumbs"), newProject);
  });

  await as(browser, "erin", "see no organization", async (page) => {
    await openSection(page, "erin");
    await expectText(page.locator(".pf-v5-c-empty-state"), "You are not a member of any organization or project yet");
  });

  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
