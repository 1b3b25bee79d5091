package io.github.serviceaccounts.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestUser;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC §2, no escalation through a service account: whoever can use an account's credentials holds its rights, so
 * making a credential usable — generating, uploading or enabling a key, enabling the account — needs, besides
 * {@code project.developer} of the owning project, a role at least the account's own wherever it is a member. Every
 * path that makes a credential usable is walked with an account above the caller; each is refused with 403 naming the
 * place and changes nothing. Callers who reach the account's roles, and realm administrators, may; disabling and
 * deleting are never escalation.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoEscalationThroughServiceAccountsIT {

    private Scenario s;
    private Api api;
    private int accounts;
    /** Environments of Website: the developer holds no role in them, the project admin is environment.admin. */
    private String production;
    private String staging;
    /** environment.admin of production only. */
    private TestUser productionAdmin;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
        this.production = s.realm().createEnvironment(s.website(), "production").get("id").asText();
        this.staging = s.realm().createEnvironment(s.website(), "staging").get("id").asText();
        this.productionAdmin = s.realm().user("production-admin");
        s.realm().addMember("/environments/" + production, productionAdmin, "environment.admin");
        s.realm().addMember("/projects/" + s.website(), productionAdmin, "project.developer");
    }

    /** A fresh account of Website (where {@code developer} is project.developer and {@code projectAdmin} admin). */
    private TestAccount account() {
        return TestAccount.create(s.realm(), s.website(), "escalation-" + ++accounts);
    }

    private static void assertRefusedNaming(Response answer, String place) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertThat(answer.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(answer.json().get("error_description").asText()).contains(place);
    }

    private Response generate(TestAccount account, TestUser caller) {
        return api.post(account.path("/keys"), s.token(caller), Map.of("algorithm", "ES256"));
    }

    private int keyCount(TestAccount account) {
        return api.get(account.path("/keys"), api.adminToken()).json().size();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhenTheAccountIsAboveTheCaller {

        @Test
        void generatingAKeyIsRefusedNamingTheProject() {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin");

            assertRefusedNaming(generate(account, s.developer()), "project 'Website'");
            assertThat(keyCount(account)).isZero();
        }

        @Test
        void uploadingAPemKeyIsRefused() throws Exception {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin");

            Response answer = api.post(account.path("/keys"), s.token(s.developer()), Map.of("publicKey", pem(rsa())));

            assertRefusedNaming(answer, "project 'Website'");
            assertThat(keyCount(account)).isZero();
        }

        @Test
        void uploadingAJwkIsRefused() throws Exception {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin");
            java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) rsa().getPublic();
            Map<String, String> jwk = Map.of("kty", "RSA",
                    "n", Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(key.getModulus().toByteArray())),
                    "e", "AQAB");

            Response answer = api.post(account.path("/keys"), s.token(s.developer()), Map.of("jwk", jwk));

            assertRefusedNaming(answer, "project 'Website'");
            assertThat(keyCount(account)).isZero();
        }

        @Test
        void enablingADisabledKeyIsRefusedAndTheKeyStaysDisabled() {
            TestAccount account = account();
            String keyId = account.client("ES256").keyId();
            api.put(account.path("/keys/" + keyId), api.adminToken(), Map.of("enabled", false));
            account.memberOf("/projects/" + s.website(), "project.admin");

            Response answer = api.put(account.path("/keys/" + keyId), s.token(s.developer()), Map.of("enabled", true));

            assertRefusedNaming(answer, "project 'Website'");
            assertThat(api.get(account.path("/keys/" + keyId), api.adminToken()).json().get("enabled").asBoolean())
                    .isFalse();
        }

        @Test
        void enablingADisabledAccountIsRefusedAndItStaysDisabled() {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin");
            assertThat(account.setEnabled(api.adminToken(), false).status()).isEqualTo(200);

            assertRefusedNaming(account.setEnabled(s.token(s.developer()), true), "project 'Website'");
            assertThat(account.representation().get("enabled").asBoolean()).isFalse();
        }

        @Test
        void anAdminRoleInAnotherOrganizationIsNamed() {
            TestAccount account = account().memberOf("/organizations/" + s.globex(), "organization.admin");

            assertRefusedNaming(generate(account, s.developer()), "organization 'Globex'");
            assertRefusedNaming(generate(account, s.projectAdmin()), "organization 'Globex'");
            assertRefusedNaming(generate(account, s.orgAdmin()), "organization 'Globex'");
        }

        @Test
        void anEnvironmentRoleIsAboveADeveloperOfItsProject() {
            TestAccount account = account().memberOf("/environments/" + production, "environment.reader");

            assertRefusedNaming(generate(account, s.developer()), "environment 'production'");
            assertThat(keyCount(account)).isZero();
        }

        @Test
        void enablingAKeyOfAnEnvironmentAdminIsRefusedToAReaderThere() {
            TestUser reader = s.realm().user("production-reader-" + accounts);
            s.realm().addMember("/environments/" + production, reader, "environment.reader");
            s.realm().addMember("/projects/" + s.website(), reader, "project.developer");
            TestAccount account = account();
            String keyId = account.client("ES256").keyId();
            api.put(account.path("/keys/" + keyId), api.adminToken(), Map.of("enabled", false));
            account.memberOf("/environments/" + production, "environment.admin");

            Response answer = api.put(account.path("/keys/" + keyId), s.token(reader), Map.of("enabled", true));

            assertRefusedNaming(answer, "environment 'production'");
            assertThat(api.get(account.path("/keys/" + keyId), api.adminToken()).json().get("enabled").asBoolean())
                    .isFalse();
        }

        @Test
        void environmentAdminOfOneEnvironmentDoesNotReachAnother() {
            TestAccount account = account().memberOf("/environments/" + staging, "environment.admin");

            assertRefusedNaming(generate(account, productionAdmin), "environment 'staging'");
        }

        @Test
        void anyRoleInAProjectWhereTheCallerHasNoneIsNamed() {
            TestAccount account = account().memberOf("/projects/" + s.mobile(), "project.user");

            assertRefusedNaming(generate(account, s.developer()), "project 'Mobile'");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhenTheCallerReachesTheAccount {

        @Test
        void aDeveloperMayGiveKeysToAnAccountWithItsOwnRoleOrLess() {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.developer");

            assertThat(generate(account, s.developer()).status()).isEqualTo(201);
        }

        @Test
        void theProjectAdminMayGiveKeysToAProjectAdminAccount() {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin");

            assertThat(generate(account, s.projectAdmin()).status()).isEqualTo(201);
        }

        @Test
        void theOrganizationAdminReachesEveryProjectOfItsOrganization() {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin")
                    .memberOf("/projects/" + s.mobile(), "project.admin")
                    .memberOf("/organizations/" + s.acme(), "organization.admin");

            assertThat(generate(account, s.orgAdmin()).status()).isEqualTo(201);
        }

        @Test
        void theEnvironmentsAdminAndTheProjectAdminReachAnEnvironmentAdminAccount() {
            TestAccount account = account().memberOf("/environments/" + production, "environment.admin");

            assertThat(generate(account, productionAdmin).status()).isEqualTo(201);
            assertThat(generate(account, s.projectAdmin()).status()).as("project.admin is environment.admin there")
                    .isEqualTo(201);
            assertThat(generate(account, s.orgAdmin()).status()).isEqualTo(201);
        }

        @Test
        void aRealmAdministratorIsExempt() {
            TestAccount account = account().memberOf("/organizations/" + s.globex(), "organization.admin");

            assertThat(generate(account, s.manager()).status()).isEqualTo(201);
            assertThat(account.setEnabled(s.token(s.manager()), false).status()).isEqualTo(200);
            assertThat(account.setEnabled(s.token(s.manager()), true).status()).isEqualTo(200);
        }

        @Test
        void aNewAccountWithoutMembershipsIsBelowEveryDeveloper() {
            TestAccount account = account();

            assertThat(generate(account, s.developer()).status()).isEqualTo(201);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DisablingAndDeletingAreNeverEscalation {

        @Test
        void aDeveloperDisablesAndDeletesTheKeysOfAnAccountAboveIt() {
            TestAccount account = account();
            String keyId = account.client("ES256").keyId();
            account.memberOf("/organizations/" + s.globex(), "organization.admin")
                    .memberOf("/organizations/" + s.acme(), "organization.admin");

            assertThat(api.put(account.path("/keys/" + keyId), s.token(s.developer()), Map.of("enabled", false))
                    .status()).isEqualTo(200);
            assertThat(api.delete(account.path("/keys/" + keyId), s.token(s.developer())).status()).isEqualTo(204);
        }

        @Test
        void aDeveloperDisablesAnAccountAboveIt() {
            TestAccount account = account().memberOf("/projects/" + s.website(), "project.admin");

            Response answer = account.setEnabled(s.token(s.developer()), false);

            assertThat(answer.status()).isEqualTo(200);
            JsonNode representation = answer.json();
            assertThat(representation.get("enabled").asBoolean()).isFalse();
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
                : twosComplement;
    }
}
