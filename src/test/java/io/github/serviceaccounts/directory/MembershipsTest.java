package io.github.serviceaccounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Memberships#firstAbove}: where an account holds a role the caller does not reach (SPEC §2). */
class MembershipsTest {

    private static final Memberships DEVELOPER_OF_P1 = new Memberships(Map.of(),
            Map.of("p1", Role.PROJECT_DEVELOPER), Map.of("p1", "o1"));

    @Test
    void anAccountWithoutMembershipsIsBelowAnyone() {
        assertThat(Memberships.none().firstAbove(Memberships.none())).isEmpty();
    }

    @Test
    void anEqualOrLowerRoleInTheSameProjectIsReached() {
        Memberships account = new Memberships(Map.of(), Map.of("p1", Role.PROJECT_USER), Map.of("p1", "o1"));

        assertThat(account.firstAbove(DEVELOPER_OF_P1)).isEmpty();
        assertThat(DEVELOPER_OF_P1.firstAbove(DEVELOPER_OF_P1)).isEmpty();
    }

    @Test
    void aHigherRoleInTheProjectIsNamed() {
        Memberships account = new Memberships(Map.of(), Map.of("p1", Role.PROJECT_ADMIN), Map.of("p1", "o1"));

        assertThat(account.firstAbove(DEVELOPER_OF_P1))
                .contains(new Memberships.Held(Scope.PROJECT, "p1", Role.PROJECT_ADMIN));
    }

    @Test
    void anyRoleInAProjectTheCallerIsNotInIsNamed() {
        Memberships account = new Memberships(Map.of(), Map.of("p2", Role.PROJECT_USER), Map.of("p2", "o1"));

        assertThat(account.firstAbove(DEVELOPER_OF_P1)).contains(new Memberships.Held(Scope.PROJECT, "p2",
                Role.PROJECT_USER));
    }

    @Test
    void organizationAdminReachesEveryProjectOfItsOrganizationButNoOther() {
        Memberships admin = new Memberships(Map.of("o1", Role.ORGANIZATION_ADMIN), Map.of(), Map.of());
        Memberships account = new Memberships(Map.of("o1", Role.ORGANIZATION_ADMIN),
                Map.of("p1", Role.PROJECT_ADMIN, "p9", Role.PROJECT_USER), Map.of("p1", "o1", "p9", "o9"));

        assertThat(account.firstAbove(admin)).contains(new Memberships.Held(Scope.PROJECT, "p9", Role.PROJECT_USER));
    }

    @Test
    void organizationsComeFirst() {
        Memberships account = new Memberships(Map.of("o2", Role.ORGANIZATION_ADMIN),
                Map.of("p1", Role.PROJECT_ADMIN), Map.of("p1", "o1"));

        assertThat(account.firstAbove(DEVELOPER_OF_P1)).contains(new Memberships.Held(Scope.ORGANIZATION, "o2",
                Role.ORGANIZATION_ADMIN));
    }
}
