package io.github.serviceaccounts.access;

/** Where a role is held: in one organization or in one project. */
public enum Scope {
    ORGANIZATION,
    PROJECT
}
