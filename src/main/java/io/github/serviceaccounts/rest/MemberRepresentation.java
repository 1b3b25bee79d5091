package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.directory.Member;

/** {@code type} is {@code user} or {@code serviceAccount}; {@code id} is the Keycloak user id. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberRepresentation(String id, String type, String username, String email, String role) {

    static MemberRepresentation of(Member member) {
        return new MemberRepresentation(member.id(), member.serviceAccount() ? "serviceAccount" : "user",
                member.username(), member.email(), member.role().id());
    }
}
