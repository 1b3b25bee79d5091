package io.github.serviceaccounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Memberships#firstAbove}: where an account holds a role the caller does not reach (SPEC §2). */
class MembershipsTest {

    private static final Memberships DEVELOPER_OF_P1 = new Memberships(Map.of(),
            Map.of("p1", Role.PROJECT_DEVELOPER), Map.of(), Map.of("p1", "o1"), Map.of());

    @Test
    void anAccountWithoutMembershipsIsBelowAnyone() {
        assertThat(Memberships.none().firstAbove(Memberships.none())).isEmpty();
    }

    @Test
    void anEqualOrLowerRoleInTheSameProjectIsReached() {
        Memberships account = new Memberships(Map.of(), Map.of("p1", Role.PROJECT_USER), Map.of(), Map.of("p1", "o1"), Map.of());

        assertThat(account.firstAbove(DEVELOPER_OF_P1)).isEmpty();
        assertThat(DEVELOPER_OF_P1.firstAbove(DEVELOPER_OF_P1)).isEmpty();
    }

    @Test
    void aHigherRoleInTheProjectIsNamed() {
        Memberships account = new Memberships(Map.of(), Map.of("p1", Role.PROJECT_ADMIN), Map.of(), Map.of("p1", "o1"), Map.of());

        assertThat(account.firstAbove(DEVELOPER_OF_P1))
                .contains(new Memberships.Held(Scope.PROJECT, "p1", Role.PROJECT_ADMIN));
    }

    @Test
    void anyRoleInAProjectTheCallerIsNotInIsNamed() {
        Memberships account = new Memberships(Map.of(), Map.of("p2", Role.PROJECT_USER), Map.of(), Map.of("p2", "o1"), Map.of());

        assertThat(account.firstAbove(DEVELOPER_OF_P1)).contains(new Memberships.Held(Scope.PROJECT, "p2",
                Role.PROJECT_USER));
    }

    @Test
    void organizationAdminReachesEveryProjectOfItsOrganizationButNoOther() {
        Memberships admin = new Memberships(Map.of("o1", Role.ORGANIZATION_ADMIN), Map.of(), Map.of(), Map.of(), Map.of());
        Memberships account = new Memberships(Map.of("o1", Role.ORGANIZATION_ADMIN),
                Map.of("p1", Role.PROJECT_ADMIN, "p9", Role.PROJECT_USER), Map.of(), Map.of("p1", "o1", "p9", "o9"), Map.of());

        assertThat(account.firstAbove(admin)).contains(new Memberships.Held(Scope.PROJECT, "p9", Role.PROJECT_USER));
    }

    @Test
    void organizationsComeFirst() {
        Memberships account = new Memberships(Map.of("o2", Role.ORGANIZATION_ADMIN),
                Map.of("p1", Role.PROJECT_ADMIN), Map.of(), Map.of("p1", "o1"), Map.of());

        assertThat(account.firstAbove(DEVELOPER_OF_P1)).contains(new Memberships.Held(Scope.ORGANIZATION, "o2",
                Role.ORGANIZATION_ADMIN));
    }

    @Test
    void anEnvironmentRoleIsReachedByTheSameRoleThereOrByTheProjectsAdmin() {
        Memberships account = environmentRole("e1", Role.ENVIRONMENT_ADMIN);

        assertThat(account.firstAbove(environmentRole("e1", Role.ENVIRONMENT_ADMIN))).isEmpty();
        assertThat(account.firstAbove(new Memberships(Map.of(), Map.of("p1", Role.PROJECT_ADMIN), Map.of(),
                Map.of("p1", "o1"), Map.of()))).isEmpty();
        assertThat(account.firstAbove(new Memberships(Map.of("o1", Role.ORGANIZATION_ADMIN), Map.of(), Map.of(),
                Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void anEnvironmentRoleIsAboveAProjectDeveloperAndAReaderThere() {
        Memberships account = environmentRole("e1", Role.ENVIRONMENT_ADMIN);

        assertThat(account.firstAbove(DEVELOPER_OF_P1))
                .contains(new Memberships.Held(Scope.ENVIRONMENT, "e1", Role.ENVIRONMENT_ADMIN));
        assertThat(account.firstAbove(environmentRole("e1", Role.ENVIRONMENT_READER)))
                .contains(new Memberships.Held(Scope.ENVIRONMENT, "e1", Role.ENVIRONMENT_ADMIN));
        assertThat(account.firstAbove(environmentRole("e2", Role.ENVIRONMENT_ADMIN)))
                .as("the same role in another environment of the project")
                .contains(new Memberships.Held(Scope.ENVIRONMENT, "e1", Role.ENVIRONMENT_ADMIN));
    }

    @Test
    void effectiveInAnEnvironmentFollowsSpec9() {
        Environment e1 = new Environment("e1", "production", null, "p1", "Website", "o1", "Acme", null);

        assertThat(environmentRole("e1", Role.ENVIRONMENT_READER).effectiveIn(e1)).isEqualTo(Role.ENVIRONMENT_READER);
        assertThat(DEVELOPER_OF_P1.effectiveIn(e1)).as("project.developer implies nothing there").isNull();
        assertThat(new Memberships(Map.of(), Map.of("p1", Role.PROJECT_ADMIN), Map.of("e1", Role.ENVIRONMENT_READER),
                Map.of("p1", "o1"), Map.of("e1", "p1")).effectiveIn(e1)).isEqualTo(Role.ENVIRONMENT_ADMIN);
        assertThat(new Memberships(Map.of("o1", Role.ORGANIZATION_ADMIN), Map.of(), Map.of(), Map.of(), Map.of())
                .effectiveIn(e1)).isEqualTo(Role.ENVIRONMENT_ADMIN);
        assertThat(new Memberships(Map.of("o2", Role.ORGANIZATION_ADMIN), Map.of(), Map.of(), Map.of(), Map.of())
                .effectiveIn(e1)).as("another organization's admin").isNull();
    }

    private static Memberships environmentRole(String environment, Role role) {
        return new Memberships(Map.of(), Map.of(), Map.of(environment, role), Map.of("p1", "o1"),
                Map.of(environment, "p1"));
    }
}
