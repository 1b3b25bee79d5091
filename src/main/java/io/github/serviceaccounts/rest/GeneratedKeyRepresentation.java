package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.serviceaccounts.keys.KeyFile;

/** The answer to generating a key: its metadata and, this once, the key file with the private key. */
public record GeneratedKeyRepresentation(@JsonUnwrapped KeyRepresentation key, KeyFile keyFile) {
}
