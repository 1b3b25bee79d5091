package io.github.serviceaccounts.testing;

/**
 * A realm laid out for permission tests: organization Acme with projects Website and Mobile, organization Globex
 * with project Portal, and one user per role plus users without any.
 */
public record Scenario(TestRealm realm, String acme, String website, String mobile, String globex, String portal,
        TestUser orgAdmin, TestUser projectAdmin, TestUser developer, TestUser projectUser, TestUser noRole,
        TestUser globexAdmin, TestUser viewer, TestUser manager) {

    public static Scenario create(Api api) {
        TestRealm realm = TestRealm.create(api);
        String acme = realm.createOrganization("Acme").get("id").asText();
        String website = realm.createProject(acme, "Website").get("id").asText();
        String mobile = realm.createProject(acme, "Mobile").get("id").asText();
        String globex = realm.createOrganization("Globex").get("id").asText();
        String portal = realm.createProject(globex, "Portal").get("id").asText();

        TestUser orgAdmin = member(realm, "org-admin", "/organizations/" + acme, "organization.admin");
        TestUser projectAdmin = member(realm, "project-admin", "/projects/" + website, "project.admin");
        TestUser developer = member(realm, "developer", "/projects/" + website, "project.developer");
        TestUser projectUser = member(realm, "project-user", "/projects/" + website, "project.user");
        TestUser globexAdmin = member(realm, "globex-admin", "/organizations/" + globex, "organization.admin");
        TestUser noRole = realm.user("no-role");
        TestUser viewer = realm.user("viewer");
        realm.grantRealmManagement(viewer, "view-users");
        TestUser manager = realm.user("manager");
        realm.grantRealmManagement(manager, "manage-users");
        return new Scenario(realm, acme, website, mobile, globex, portal, orgAdmin, projectAdmin, developer,
                projectUser, noRole, globexAdmin, viewer, manager);
    }

    private static TestUser member(TestRealm realm, String username, String unitPath, String role) {
        TestUser user = realm.user(username);
        realm.addMember(unitPath, user, role);
        return user;
    }

    public String token(TestUser user) {
        return realm.token(user);
    }

    public String iam(String path) {
        return realm.iam(path);
    }

    public Api api() {
        return realm.api();
    }
}
