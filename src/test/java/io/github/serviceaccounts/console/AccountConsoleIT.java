package io.github.serviceaccounts.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.LastUse;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Service accounts section of the account console, in headless Chromium (themes/e2e/account-console.mjs): in a
 * realm laid out like the demo realm, each member signs in with their own account — no Keycloak admin role — and
 * does their job end to end. The script checks what each one sees; this test checks what the server then holds,
 * that each change was made with that member's own token, that the key the developer replaced gets no more tokens,
 * that the key file of the one that replaced it and a CI job's token (through the federated credential made in the
 * browser) get the account's token, and that the environment the project admin made has the reader he added, who
 * holds no role in the project.
 */
@KeycloakIntegrationTest
class AccountConsoleIT {

    private static final String EXPIRY_DAY = "2030-12-31";

    private static TestRealm realm;
    private static String acme;
    private static String website;
    private static String mobile;
    private static TestUser alice;
    private static TestUser bob;
    private static TestUser carol;
    private static TestUser henry;
    private static String issuer;
    private static Federation.Job job;
    private static JsonNode result;

    @BeforeAll
    static void membersDoTheirJobs(Api api) throws Exception {
        BrowserScript.assumeBrowser();
        realm = TestRealm.create(api);
        assertThat(api.put(realm.admin(""), api.adminToken(), Map.of("accountTheme", "service-accounts")).status())
                .isEqualTo(204);
        acme = realm.createOrganization("Acme").get("id").asText();
        website = realm.createProject(acme, "Website").get("id").asText();
        mobile = realm.createProject(acme, "Mobile app").get("id").asText();
        alice = member("alice", "/organizations/" + acme, "organization.admin");
        bob = member("bob", "/projects/" + website, "project.admin");
        carol = member("carol", "/projects/" + website, "project.developer");
        member("dave", "/projects/" + website, "project.user");
        realm.user("erin");
        realm.user("frank");
        realm.user("grace");
        henry = realm.user("henry");
        // A realm of the same server stands in for GitHub Actions; the test realm trusts it, as an administrator
        // sets it up, and one of its CI jobs will sign in with the credential the developer makes in the browser.
        Federation.CiRealm ci = Federation.CiRealm.create(api);
        ci.trustedBy(realm);
        issuer = ci.issuer();
        job = ci.job("acme/web", "refs/heads/main", "production", Federation.issuerOf(realm));

        result = BrowserScript.run("account-console.mjs", Map.ofEntries(
                Map.entry("KC_URL", api.baseUrl()), Map.entry("REALM", realm.name()),
                Map.entry("ORGANIZATION", "Acme"), Map.entry("WEBSITE", "Website"), Map.entry("MOBILE", "Mobile app"),
                Map.entry("MOBILE_ID", mobile),
                Map.entry("NEW_PROJECT", "Billing"), Map.entry("NEW_ADMIN_EMAIL", "frank@example.test"),
                Map.entry("NEW_MEMBER_EMAIL", "grace@example.test"), Map.entry("UNKNOWN_EMAIL", "nobody@example.test"),
                Map.entry("ACCOUNT", "nightly-export"), Map.entry("EXPIRY_DAY", EXPIRY_DAY),
                Map.entry("TIMEZONE", "Europe/Berlin"), Map.entry("ISSUER", issuer),
                Map.entry("SUBJECT", job.subject()),
                Map.entry("ENVIRONMENT", "staging"), Map.entry("ENVIRONMENT_MEMBER_EMAIL", henry.email()),
                Map.entry("OUT_DIR", BrowserScript.outDir("account").toString())));
    }

    private static TestUser member(String username, String unitPath, String role) {
        TestUser user = realm.user(username);
        realm.addMember(unitPath, user, role);
        return user;
    }

    @Test
    void theOrganizationAdminCreatedAProjectAndAddedAnAdministrator() {
        JsonNode billing = billing();
        assertThat(billing.get("description").asText()).isEqualTo("Created in the account console");
        assertThat(realm.adminEvent("CREATE", "iam/projects/" + billing.get("id").asText()).at("/authDetails/userId")
                .asText()).isEqualTo(alice.id());

        JsonNode frank = membersOf("/organizations/" + acme, "frank").get(0);
        assertThat(frank.get("role").asText()).isEqualTo("organization.admin");
        assertThat(realm.adminEvent("CREATE", "iam/organizations/" + acme + "/members/" + frank.get("id").asText())
                .at("/authDetails/userId").asText()).isEqualTo(alice.id());
    }

    @Test
    void theProjectAdminAddedAMemberByEmailChangedItsRoleAndRemovedIt() {
        assertThat(membersOf("/projects/" + website, "grace")).isEmpty();
        String grace = realm.api().get(realm.admin("/users?exact=true&username=grace"), realm.api().adminToken()).json()
                .get(0).get("id").asText();
        String path = "iam/projects/" + website + "/members/" + grace;
        for (String operation : List.of("CREATE", "UPDATE", "DELETE")) {
            assertThat(realm.adminEvent(operation, path).at("/authDetails/userId").asText()).as(operation)
                    .isEqualTo(bob.id());
        }
        assertThat(realm.adminEvent("UPDATE", path).at("/representation").asText()).contains("project.user");
    }

    @Test
    void theProjectAdminCreatedAnEnvironmentAndMadeAUserWithoutAProjectRoleItsReader() {
        JsonNode found = realm.api().get(realm.iam("/projects/" + website + "/environments?search=staging"),
                realm.api().adminToken()).json();
        assertThat(found).hasSize(1);
        JsonNode staging = found.get(0);
        String id = staging.get("id").asText();
        assertThat(id).isEqualTo(result.get("environmentId").asText());
        assertThat(staging.get("description").asText()).isEqualTo("Before production, for the testers");
        for (String operation : List.of("CREATE", "UPDATE")) {
            assertThat(realm.adminEvent(operation, "iam/environments/" + id).at("/authDetails/userId").asText())
                    .as(operation).isEqualTo(bob.id());
        }

        // The project admin is environment.admin there without being listed; the reader is the only member.
        JsonNode members = realm.api().get(realm.iam("/environments/" + id + "/members"), realm.api().adminToken()).json();
        assertThat(members).extracting(m -> m.get("username").asText() + " " + m.get("role").asText())
                .containsExactly("henry environment.reader");
        assertThat(realm.adminEvent("CREATE", "iam/environments/" + id + "/members/" + henry.id())
                .at("/authDetails/userId").asText()).isEqualTo(bob.id());
        assertThat(membersOf("/projects/" + website, "henry")).as("henry in Website").isEmpty();
    }

    @Test
    void theDevelopersNewKeyFileGetsATokenWithTheRoleTheProjectAdminGave() throws Exception {
        JsonNode keyFile = keyFile("newKeyFile");
        JsonNode claims = Json.claims(ServiceAccountClient.of(realm.api(), keyFile).token());
        assertThat(claims.get("azp").asText()).isEqualTo(keyFile.get("clientId").asText());
        assertThat(claims.at("/projects/" + website).asText()).isEqualTo("project.user");
        assertThat(claims.at("/projects/" + mobile).asText()).isEqualTo("project.admin");
    }

    @Test
    void theDeveloperReplacedHerFirstKeyWhichGetsNoMoreTokens() throws Exception {
        JsonNode keyFile = keyFile("keyFile");
        assertThat(result.get("copiedKeyId").asText()).as("the copied key file").isEqualTo(keyFile.get("keyId").asText());
        JsonNode key = firstKey();
        assertThat(key.get("enabled").asBoolean()).isFalse();
        assertThat(key.get("disabledReason").asText()).isEqualTo("rotated");
        assertThat(key.get("disabledAt").isNull()).as("disabledAt").isFalse();
        JsonNode disabled = realm.adminEvent("UPDATE", "iam/service-accounts/" + account().get("id").asText() + "/keys/"
                + key.get("id").asText());
        assertThat(disabled.at("/authDetails/userId").asText()).isEqualTo(carol.id());
        assertThat(Json.parse(disabled.get("representation").asText()).get("disabledReason").asText()).isEqualTo("rotated");
        assertThat(ServiceAccountClient.of(realm.api(), keyFile).tokenRequest().status()).isEqualTo(401);
    }

    @Test
    void theDeveloperWasRefusedAThirdKeyInTheServersWordsOnceTheAccountOutrankedHer() {
        assertThat(keysOf(account())).as("only the first key and the one that replaced it").hasSize(2);
        assertThat(result.get("refusal").asText()).as("the refusal names the scope")
                .containsAnyOf("Mobile app", mobile).isNotEqualTo("Your role does not allow this.");
    }

    @Test
    void theKeyExpiresAtTheEndOfTheChosenDayInThePersonsTimeZone() {
        JsonNode key = firstKey();
        // 2030-12-31 23:59:59 in Berlin (UTC+1 in winter), as the dialog said before the key was made.
        assertThat(key.get("expiresAt").asText()).startsWith("2030-12-31T22:59:59");
        assertThat(result.get("expiryShown").asText()).contains("2030-12-31T22:59:59.000Z");
        assertThat(realm.adminEvent("CREATE", "iam/service-accounts/" + account().get("id").asText() + "/keys/"
                + key.get("id").asText()).at("/authDetails/userId").asText()).isEqualTo(carol.id());
    }

    @Test
    void theDeveloperSetTheAssertionLifetimeAndTheOrganizationAdminMovedTheAccount() {
        JsonNode account = account();
        assertThat(account.get("assertionLifetime").asInt()).isEqualTo(300);
        assertThat(account.get("projectId").asText()).isEqualTo(billing().get("id").asText());
    }

    @Test
    void theDeveloperAddedAFederatedCredentialAndNarrowedItToTheCiJob() {
        JsonNode credential = federatedCredential();
        assertThat(credential.get("name").asText()).isEqualTo("github-main");
        assertThat(credential.get("issuer").asText()).isEqualTo(issuer);
        assertThat(credential.get("subject").asText()).isEqualTo(job.subject());
        assertThat(credential.get("audience").asText()).isEqualTo(Federation.issuerOf(realm));
        assertThat(credential.get("claims")).isEqualTo(Json.parse("{\"repository\": \"acme/*\"}"));
        assertThat(credential.get("enabled").asBoolean()).isTrue();
        assertThat(credential.get("expiresAt").asText()).startsWith("2030-12-31T22:59:59");
        String path = "iam/service-accounts/" + account().get("id").asText() + "/federated-credentials/"
                + credential.get("id").asText();
        for (String operation : List.of("CREATE", "UPDATE")) {
            assertThat(realm.adminEvent(operation, path).at("/authDetails/userId").asText()).as(operation)
                    .isEqualTo(carol.id());
        }
    }

    @Test
    void theDeveloperWasRefusedASecondCredentialInTheServersWordsOnceTheAccountOutrankedHer() {
        assertThat(federatedCredential().get("name").asText()).as("only the first credential").isEqualTo("github-main");
        assertThat(result.get("credentialRefusal").asText()).as("the refusal names the scope")
                .containsAnyOf("Mobile app", mobile).isNotEqualTo("Your role does not allow this.");
    }

    @Test
    void theCiJobsOwnTokenGetsTheAccountsTokenThroughThatCredential() {
        Response answer = Federation.exchange(realm, account().get("clientId").asText(), job.token());
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode claims = Json.claims(answer.json().get("access_token").asText());
        assertThat(claims.get("azp").asText()).isEqualTo(account().get("clientId").asText());
        assertThat(claims.at("/projects/" + mobile).asText()).isEqualTo("project.admin");
        assertThat(LastUse.written(this::federatedCredential).get("lastUsedAt").isNull()).as("lastUsedAt").isFalse();
    }

    private JsonNode billing() {
        JsonNode found = realm.api().get(realm.iam("/organizations/" + acme + "/projects?search=Billing"),
                realm.api().adminToken()).json();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private JsonNode account() {
        JsonNode found = realm.api().get(realm.iam("/projects/" + billing().get("id").asText()
                + "/service-accounts?search=nightly-export"), realm.api().adminToken()).json();
        assertThat(found).as("nightly-export owned by Billing").hasSize(1);
        return found.get(0);
    }

    private JsonNode federatedCredential() {
        JsonNode credentials = realm.api().get(realm.iam("/service-accounts/" + account().get("id").asText()
                + "/federated-credentials"), realm.api().adminToken()).json();
        assertThat(credentials).hasSize(1);
        return credentials.get(0);
    }

    /** The key the developer made first, and later replaced. */
    private JsonNode firstKey() {
        String id = result.get("copiedKeyId").asText();
        for (JsonNode key : keysOf(account())) {
            if (key.get("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("No key " + id);
    }

    private static JsonNode keyFile(String name) throws Exception {
        return Json.parse(Files.readString(Path.of(result.get(name).asText())));
    }

    private JsonNode keysOf(JsonNode account) {
        return realm.api().get(realm.iam("/service-accounts/" + account.get("id").asText() + "/keys"),
                realm.api().adminToken()).json();
    }

    private JsonNode membersOf(String unitPath, String search) {
        return realm.api().get(realm.iam(unitPath + "/members?search=" + search), realm.api().adminToken()).json();
    }
}
