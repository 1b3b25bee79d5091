package io.github.serviceaccounts.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestRealm;
import io.github.serviceaccounts.testing.TestUser;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SPEC §2: an organization never loses its last active {@code organization.admin} — not through removing or demoting
 * the member, nor through deleting or disabling a service account that is that admin — unless a realm administrator
 * does it. Each path is walked on an organization of its own whose one admin is about to go; each is refused with
 * {@code 409 last_organization_admin} and leaves the admin in place. A disabled admin keeps no organization running.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastOrganizationAdminIT {

    private TestRealm realm;
    private Api api;
    private TestUser manager;
    private int organizations;

    @BeforeAll
    void createRealm(Api api) {
        this.api = api;
        this.realm = TestRealm.create(api);
        this.manager = realm.user("manager");
        realm.grantRealmManagement(manager, "manage-users");
    }

    /** An organization with a project, and a service account of that project as the organization's one admin. */
    private record Organization(String id, String project, TestAccount admin, TestUser developer) {
    }

    private Organization organizationRunByAnAccount() {
        int n = ++organizations;
        String id = realm.createOrganization("Org " + n).get("id").asText();
        String project = realm.createProject(id, "Project " + n).get("id").asText();
        TestAccount admin = TestAccount.create(realm, project, "admin-" + n).memberOf("/organizations/" + id,
                "organization.admin");
        TestUser developer = realm.user("developer-" + n);
        realm.addMember("/projects/" + project, developer, "project.developer");
        return new Organization(id, project, admin, developer);
    }

    private void assertLastAdminKept(Response answer, Organization organization) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(409);
        assertThat(answer.json().get("error").asText()).isEqualTo("last_organization_admin");
        assertThat(api.get(realm.iam("/organizations/" + organization.id() + "/members"), api.adminToken()).json()
                .findValuesAsText("id")).contains(organization.admin().user().id());
        assertThat(organization.admin().representation().get("enabled").asBoolean()).isTrue();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThroughTheServiceAccount {

        @Test
        void deletingTheAccountThatIsTheLastAdminIsRefused() {
            Organization organization = organizationRunByAnAccount();

            Response answer = api.delete(organization.admin().path(""), realm.token(organization.developer()));

            assertLastAdminKept(answer, organization);
        }

        @Test
        void disablingTheAccountThatIsTheLastAdminIsRefused() {
            Organization organization = organizationRunByAnAccount();

            Response answer = organization.admin().setEnabled(realm.token(organization.developer()), false);

            assertLastAdminKept(answer, organization);
        }

        @Test
        void withAnotherActiveAdminTheAccountMayGo() {
            Organization organization = organizationRunByAnAccount();
            realm.addMember("/organizations/" + organization.id(), realm.user("second-" + organizations),
                    "organization.admin");

            assertThat(organization.admin().setEnabled(realm.token(organization.developer()), false).status())
                    .isEqualTo(200);
            assertThat(api.delete(organization.admin().path(""), realm.token(organization.developer())).status())
                    .isEqualTo(204);
        }

        @Test
        void aDisabledSecondAdminDoesNotCount() {
            Organization organization = organizationRunByAnAccount();
            TestAccount second = TestAccount.create(realm, organization.project(), "second-" + organizations)
                    .memberOf("/organizations/" + organization.id(), "organization.admin");
            assertThat(second.setEnabled(api.adminToken(), false).status()).isEqualTo(200);

            assertLastAdminKept(api.delete(organization.admin().path(""), realm.token(organization.developer())),
                    organization);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThroughTheMembership {

        @Test
        void removingTheLastAdminIsRefused() {
            Organization organization = organizationRunByAnAccount();
            TestUser admin = realm.user("self-" + organizations);
            realm.addMember("/organizations/" + organization.id(), admin, "organization.admin");
            assertThat(api.delete(organization.admin().path(""), realm.token(organization.developer())).status())
                    .isEqualTo(204);

            Response answer = api.delete(realm.iam("/organizations/" + organization.id() + "/members/" + admin.id()),
                    realm.token(admin));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).isEqualTo("last_organization_admin");
        }

        @Test
        void removingTheAccountAsAMemberIsRefusedWhenItIsTheLastAdmin() {
            Organization organization = organizationRunByAnAccount();
            TestUser other = realm.user("other-" + organizations);
            realm.addMember("/organizations/" + organization.id(), other, "organization.admin");
            assertThat(api.put(realm.admin("/users/" + other.id()), api.adminToken(), Map.of("enabled", false))
                    .status()).isEqualTo(204);

            Response answer = api.delete(realm.iam("/organizations/" + organization.id() + "/members/"
                    + organization.admin().user().id()), realm.token(organization.developer()));

            // The developer is not an organization admin: it may not remove anyone there.
            assertThat(answer.status()).isIn(403, 404);
            Response byTheAccountsPeer = api.delete(realm.iam("/organizations/" + organization.id() + "/members/"
                    + organization.admin().user().id()), organization.admin().client("ES256").token());
            assertLastAdminKept(byTheAccountsPeer, organization);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RealmAdministrators {

        @Test
        void mayDeleteTheAccountThatIsTheLastAdmin() {
            Organization organization = organizationRunByAnAccount();

            assertThat(api.delete(organization.admin().path(""), realm.token(manager)).status()).isEqualTo(204);
            assertThat(api.get(realm.iam("/organizations/" + organization.id() + "/members"), api.adminToken()).json())
                    .isEmpty();
        }

        @Test
        void mayDisableTheAccountThatIsTheLastAdmin() {
            Organization organization = organizationRunByAnAccount();

            assertThat(organization.admin().setEnabled(api.adminToken(), false).status()).isEqualTo(200);
        }
    }
}
