package io.github.serviceaccounts.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class RulesTest {

    private static final String TABLE = "/access/role-action-scope.csv";

    private static Role role(String id) {
        return id.equals("none") ? null : Role.fromId(id).orElseThrow();
    }

    @ParameterizedTest(name = "{0} may {1} in a {2}: {3}")
    @CsvFileSource(resources = TABLE, numLinesToSkip = 2)
    void everyRoleActionAndScopeFollowsTheSpec(String role, Action action, Scope scope, boolean allowed) {
        assertThat(Rules.allows(role(role), action, scope)).isEqualTo(allowed);
    }

    @Test
    void theTableCoversEveryRoleActionAndScope() throws IOException {
        Set<String> rows = new HashSet<>();
        try (InputStream in = RulesTest.class.getResourceAsStream(TABLE)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(2)
                    .forEach(line -> rows.add(line.substring(0, line.lastIndexOf(','))));
        }
        int expected = (Role.values().length + 1) * Action.values().length * Scope.values().length;
        assertThat(rows).hasSize(expected);
        Arrays.stream(Role.values()).forEach(role -> assertThat(rows).anyMatch(row -> row.startsWith(role.id() + ",")));
    }

    @Nested
    class OrganizationAdmin {

        @Test
        void isProjectAdminInEveryProjectOfItsOrganization() {
            Role effective = Rules.inProject(null, Role.ORGANIZATION_ADMIN);

            assertThat(Rules.allows(effective, Action.MANAGE_MEMBERS, Scope.PROJECT)).isTrue();
            assertThat(Rules.claimedInProject(null, Role.ORGANIZATION_ADMIN)).isEqualTo(Role.PROJECT_ADMIN);
        }

        @Test
        void outranksAWeakerRoleHeldInTheProjectItself() {
            assertThat(Rules.inProject(Role.PROJECT_USER, Role.ORGANIZATION_ADMIN)).isEqualTo(Role.ORGANIZATION_ADMIN);
            assertThat(Rules.claimedInProject(Role.PROJECT_USER, Role.ORGANIZATION_ADMIN)).isEqualTo(Role.PROJECT_ADMIN);
        }

        @Test
        void aProjectRoleGivesNothingInOtherProjects() {
            assertThat(Rules.inProject(null, Role.PROJECT_ADMIN)).isNull();
            assertThat(Rules.inProject(Role.PROJECT_DEVELOPER, null)).isEqualTo(Role.PROJECT_DEVELOPER);
        }
    }

    @Nested
    class Environments {

        @Test
        void projectAdminAndOrganizationAdminAreEnvironmentAdmin() {
            assertThat(Rules.inEnvironment(null, Role.PROJECT_ADMIN)).isEqualTo(Role.ENVIRONMENT_ADMIN);
            assertThat(Rules.inEnvironment(Role.ENVIRONMENT_READER, Role.ORGANIZATION_ADMIN))
                    .isEqualTo(Role.ENVIRONMENT_ADMIN);
        }

        @Test
        void lesserProjectRolesImplyNothingThere() {
            assertThat(Rules.inEnvironment(null, Role.PROJECT_DEVELOPER)).isNull();
            assertThat(Rules.inEnvironment(null, Role.PROJECT_USER)).isNull();
            assertThat(Rules.inEnvironment(Role.ENVIRONMENT_READER, Role.PROJECT_DEVELOPER))
                    .isEqualTo(Role.ENVIRONMENT_READER);
        }

        @Test
        void theTwoLaddersDoNotIncludeEachOther() {
            assertThat(Role.ORGANIZATION_ADMIN.includes(Role.ENVIRONMENT_READER)).isFalse();
            assertThat(Role.ENVIRONMENT_ADMIN.includes(Role.PROJECT_USER)).isFalse();
            assertThat(Role.ENVIRONMENT_ADMIN.includes(Role.ENVIRONMENT_READER)).isTrue();
            assertThat(Role.ENVIRONMENT_READER.includes(Role.ENVIRONMENT_ADMIN)).isFalse();
        }
    }

    @Nested
    class Granting {

        @ParameterizedTest(name = "{0} grants {1} in a {2}: {3}")
        @CsvSource({
            "project.admin,      project.user,       PROJECT,      true",
            "project.admin,      project.developer,  PROJECT,      true",
            "project.admin,      project.admin,      PROJECT,      true",
            "project.admin,      organization.admin, PROJECT,      false",
            "project.admin,      organization.admin, ORGANIZATION, false",
            "project.developer,  project.user,       PROJECT,      false",
            "project.user,       project.user,       PROJECT,      false",
            "none,               project.user,       PROJECT,      false",
            "organization.admin, project.admin,      PROJECT,      true",
            "organization.admin, organization.admin, ORGANIZATION, true",
            "organization.admin, project.admin,      ORGANIZATION, false",
            "organization.admin, organization.admin, PROJECT,      false",
            "environment.admin,  environment.admin,  ENVIRONMENT,  true",
            "environment.admin,  environment.reader, ENVIRONMENT,  true",
            "environment.reader, environment.reader, ENVIRONMENT,  false",
            "environment.admin,  project.user,       ENVIRONMENT,  false",
            "environment.admin,  project.user,       PROJECT,      false",
            "project.admin,      environment.reader, PROJECT,      false",
        })
        void nobodyGrantsAboveTheirOwnEffectiveRoleNorOutsideTheScope(String caller, String granted, Scope scope,
                boolean allowed) {
            assertThat(Rules.mayGrant(role(caller), role(granted), scope)).isEqualTo(allowed);
        }

        @Test
        void nobodyChangesAMemberWhoOutranksThem() {
            assertThat(Rules.mayChange(Role.PROJECT_ADMIN, Role.PROJECT_ADMIN, Scope.PROJECT)).isTrue();
            assertThat(Rules.mayChange(Role.PROJECT_ADMIN, Role.ORGANIZATION_ADMIN, Scope.PROJECT)).isFalse();
            assertThat(Rules.mayChange(Role.PROJECT_DEVELOPER, Role.PROJECT_USER, Scope.PROJECT)).isFalse();
        }
    }

    @Nested
    class Callers {

        private final Caller admin = new Caller("a", Authority.REALM_ADMIN);
        private final Caller viewer = new Caller("v", Authority.REALM_VIEWER);
        private final Caller member = new Caller("m", Authority.MEMBER);

        @Test
        void realmAdministratorsMayDoEverythingWithoutAnyRole() {
            for (Action action : Action.values()) {
                for (Scope scope : Scope.values()) {
                    assertThat(admin.may(action, null, scope)).as("%s in %s", action, scope).isTrue();
                }
            }
            assertThat(admin.mayGrant(null, Role.ORGANIZATION_ADMIN, Scope.ORGANIZATION)).isTrue();
        }

        @Test
        void realmViewersMayReadEverythingAndChangeNothing() {
            assertThat(viewer.maySee(null, Scope.ORGANIZATION)).isTrue();
            assertThat(viewer.maySee(null, Scope.PROJECT)).isTrue();
            assertThat(viewer.may(Action.UPDATE, null, Scope.PROJECT)).isFalse();
            assertThat(viewer.may(Action.UPDATE, Role.PROJECT_ADMIN, Scope.PROJECT)).isTrue();
        }

        @Test
        void onlyRealmAdministratorsMayRemoveTheLastOrganizationAdmin() {
            assertThat(admin.mayRemoveLastOrganizationAdmin()).isTrue();
            assertThat(viewer.mayRemoveLastOrganizationAdmin()).isFalse();
            assertThat(member.mayRemoveLastOrganizationAdmin()).isFalse();
        }

        @Test
        void membersWithoutARoleSeeNothing() {
            assertThat(member.maySee(null, Scope.PROJECT)).isFalse();
            assertThat(member.maySee(null, Scope.ORGANIZATION)).isFalse();
        }
    }
}
