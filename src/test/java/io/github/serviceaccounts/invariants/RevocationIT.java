package io.github.serviceaccounts.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Introspector;
import io.github.serviceaccounts.testing.Json;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.ServiceAccountClient;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestRealm;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §2: whatever removes a service account's access makes the tokens it was issued before inactive at token
 * introspection at once. Each path that removes access is walked on an account that holds a token from before the
 * change; after it, introspection answers {@code active: false}.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationIT {

    private TestRealm realm;
    private Api api;
    private Introspector introspector;
    private int n;

    @BeforeAll
    void createRealm(Api api) {
        this.api = api;
        this.realm = TestRealm.create(api);
        this.introspector = Introspector.create(realm);
    }

    /**
     * An organization with a project, and an account of another project that is a member of both and
     * {@code environment.admin} of an environment of its own project (where it holds no project role).
     */
    private record Subject(String organization, String project, String environment, TestAccount account,
            ServiceAccountClient client) {
    }

    private Subject subject() {
        int i = ++n;
        String home = realm.createProject(realm.createOrganization("Home " + i).get("id").asText(), "Owner " + i)
                .get("id").asText();
        String organization = realm.createOrganization("Org " + i).get("id").asText();
        String project = realm.createProject(organization, "Project " + i).get("id").asText();
        String environment = realm.createEnvironment(home, "production").get("id").asText();
        TestAccount account = TestAccount.create(realm, home, "revoked-" + i)
                .memberOf("/projects/" + project, "project.admin")
                .memberOf("/organizations/" + organization, "organization.admin")
                .memberOf("/environments/" + environment, "environment.admin");
        realm.addMember("/organizations/" + organization, realm.user("keeper-" + i), "organization.admin");
        return new Subject(organization, project, environment, account, account.client("ES256"));
    }

    Stream<Arguments> pathsThatRemoveAccess() {
        return Stream.of(
                path("a role change (demotion)", s -> api.put(realm.iam("/projects/" + s.project() + "/members/"
                        + s.account().user().id()), api.adminToken(), Map.of("role", "project.user"))),
                path("removing the project membership", s -> api.delete(realm.iam("/projects/" + s.project()
                        + "/members/" + s.account().user().id()), api.adminToken())),
                path("removing the organization membership", s -> api.delete(realm.iam("/organizations/"
                        + s.organization() + "/members/" + s.account().user().id()), api.adminToken())),
                path("deleting the project it is a member of", s -> api.delete(realm.iam("/projects/" + s.project()),
                        api.adminToken())),
                path("deleting the organization it is a member of (with the project)", s -> api.delete(
                        realm.iam("/organizations/" + s.organization()), api.adminToken())),
                path("an environment role change (demotion)", s -> api.put(realm.iam("/environments/"
                        + s.environment() + "/members/" + s.account().user().id()), api.adminToken(),
                        Map.of("role", "environment.reader"))),
                path("removing the environment membership", s -> api.delete(realm.iam("/environments/"
                        + s.environment() + "/members/" + s.account().user().id()), api.adminToken())),
                path("deleting the environment it is a member of", s -> api.delete(realm.iam("/environments/"
                        + s.environment()), api.adminToken())),
                path("disabling the key", s -> api.put(s.account().path("/keys/" + s.client().keyId()),
                        api.adminToken(), Map.of("enabled", false))),
                path("deleting the key", s -> api.delete(s.account().path("/keys/" + s.client().keyId()),
                        api.adminToken())),
                path("disabling the account", s -> s.account().setEnabled(api.adminToken(), false)),
                path("deleting the account", s -> api.delete(s.account().path(""), api.adminToken())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathsThatRemoveAccess")
    void makesEarlierTokensInactive(Consumer<Subject> removeAccess) throws InterruptedException {
        Subject subject = subject();
        String earlier = introspector.earlierToken(subject.client());
        assertThat(Json.claims(earlier).at("/projects/" + subject.project()).asText()).isEqualTo("project.admin");
        assertThat(Json.claims(earlier).at("/environments/" + subject.environment()).asText())
                .isEqualTo("environment.admin");

        removeAccess.accept(subject);

        assertThat(introspector.active(earlier)).isFalse();
    }

    private static Arguments path(String name, Consumer<Subject> removeAccess) {
        return Arguments.of(Named.of(name, removeAccess));
    }
}
