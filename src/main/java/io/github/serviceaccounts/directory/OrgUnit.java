package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Scope;

/** Something users and service accounts are members of: an organization, a project or an environment. */
public sealed interface OrgUnit permits Organization, Project, Environment {

    String id();

    String name();

    Scope scope();
}
