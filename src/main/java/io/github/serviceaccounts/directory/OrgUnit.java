package io.github.serviceaccounts.directory;

import io.github.serviceaccounts.access.Scope;

/** Something users and service accounts are members of: an organization or a project. */
public sealed interface OrgUnit permits Organization, Project {

    String id();

    String name();

    Scope scope();
}
