package io.github.serviceaccounts.rest;

/** Root of the extension's REST API; every resource lives under a sub-path. */
public final class IamResource {
}
