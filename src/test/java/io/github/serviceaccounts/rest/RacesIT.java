package io.github.serviceaccounts.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Concurrently;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Concurrent requests leave the state SPEC §2 allows: one role per member, an organization never without an admin. */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RacesIT {

    private Scenario s;
    private Api api;
    private int users;

    @BeforeAll
    void createScenario(Api api) {
        this.api = api;
        this.s = Scenario.create(api);
    }

    @Test
    void twentyConcurrentAddsOfTheSameMemberMakeOneMembership() throws Exception {
        TestUser user = s.realm().user("raced-" + ++users);
        String token = api.adminToken();
        String[] roles = {"project.user", "project.developer", "project.admin"};
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String role = roles[i % roles.length];
            calls.add(() -> api.post(s.iam("/projects/" + s.website() + "/members"), token,
                    Map.of("userId", user.id(), "role", role)));
        }

        List<Integer> statuses = Concurrently.statuses(calls);

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(19);
        JsonNode groups = api.get(s.realm().admin("/users/" + user.id() + "/groups"), api.adminToken()).json();
        assertThat(groups).hasSize(1);
    }

    @RepeatedTest(5)
    void theLastTwoOrganizationAdminsRemovingEachOtherLeaveOne() throws Exception {
        String org = s.realm().createOrganization("Pair-" + ++users).get("id").asText();
        TestUser first = s.realm().user("first-" + users);
        TestUser second = s.realm().user("second-" + users);
        s.realm().addMember("/organizations/" + org, first, "organization.admin");
        s.realm().addMember("/organizations/" + org, second, "organization.admin");
        String members = s.iam("/organizations/" + org + "/members/");
        String firstToken = s.token(first);
        String secondToken = s.token(second);

        Concurrently.statuses(List.of(
                () -> api.delete(members + second.id(), firstToken),
                () -> api.delete(members + first.id(), secondToken),
                () -> api.delete(members + first.id(), firstToken),
                () -> api.delete(members + second.id(), secondToken)));

        JsonNode left = api.get(s.iam("/organizations/" + org + "/members"), api.adminToken()).json();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("role").asText()).isEqualTo("organization.admin");
    }

    @Test
    void concurrentServiceAccountsWithOneNameMakeOne() throws Exception {
        String token = api.adminToken();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> api.post(s.iam("/projects/" + s.mobile() + "/service-accounts"), token,
                    Map.of("name", "only-one")));
        }

        List<Integer> statuses = Concurrently.statuses(calls);

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(9);
        assertThat(api.get(s.iam("/projects/" + s.mobile() + "/service-accounts?search=only-one"), token).json())
                .hasSize(1);
    }

    @Test
    void concurrentProjectsWithOneNameMakeOne() throws Exception {
        String token = api.adminToken();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> api.post(s.iam("/organizations/" + s.globex() + "/projects"), token, Map.of("name", "Twin")));
        }

        List<Response> answers = Concurrently.answers(calls);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 201))
                .allSatisfy(a -> assertThat(a.json().get("error").asText()).as("%s", a).isEqualTo("name_taken"));
    }

    @Test
    void concurrentOrganizationsWithOneNameMakeOneAndTheRestAreNameTaken() throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> api.post(s.iam("/organizations"), api.adminToken(), Map.of("name", "Same Org")));
        }

        List<Response> answers = Concurrently.answers(calls);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 201))
                .allSatisfy(a -> assertThat(a.json().get("error").asText()).as("%s", a).isEqualTo("name_taken"));
    }

    /** Twenty deletions of one key at once: one 204, the rest 404, never a 5xx (the account is locked for each). */
    @Test
    void concurrentDeletionsOfOneKeyAnswer204OnceAnd404Otherwise() throws Exception {
        TestAccount account = TestAccount.create(s.realm(), s.website(), "deleted-often");
        String key = account.path("/keys/" + account.client("ES256").keyId());
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> api.delete(key, api.adminToken()));
        }

        List<Integer> statuses = Concurrently.statuses(calls);

        assertThat(statuses).containsOnly(204, 404);
        assertThat(statuses.stream().filter(status -> status == 204)).hasSize(1);
        assertThat(api.get(account.path("/keys"), api.adminToken()).json()).isEmpty();
    }

    /** Keys created while their account is deleted: each answers 201 or 404, never a 5xx, and no key is left. */
    @Test
    void keysCreatedWhileTheAccountIsDeletedAnswer201Or404() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestAccount account = TestAccount.create(s.realm(), s.website(), "going-" + round);
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.post(account.path("/keys"), api.adminToken(), Map.of("algorithm", "ES256")));
            }
            calls.add(3, () -> api.delete(account.path(""), api.adminToken()));

            List<Integer> statuses = Concurrently.statuses(calls);

            assertThat(statuses.get(3)).isEqualTo(204);
            assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(201, 204, 404));
            assertThat(api.get(account.path(""), api.adminToken()).status()).isEqualTo(404);
        }
    }
}
