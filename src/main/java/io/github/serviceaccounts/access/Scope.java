package io.github.serviceaccounts.access;

/** Where a role is held: in one organization, one project or one environment of a project (SPEC §9). */
public enum Scope {
    ORGANIZATION,
    PROJECT,
    ENVIRONMENT
}
