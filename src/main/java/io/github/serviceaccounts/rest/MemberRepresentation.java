package io.github.serviceaccounts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.serviceaccounts.accounts.Owner;
import io.github.serviceaccounts.directory.Member;

/**
 * {@code type} is {@code user} or {@code serviceAccount}; {@code id} is the Keycloak user id. A service account also
 * carries {@code serviceAccount} (null for a user): who controls it (its owning project and organization), so that whoever reads a
 * member list sees it even without access to that project.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberRepresentation(String id, String type, String username, String email, String role,
        AccountOwner serviceAccount) {

    public record AccountOwner(String id, String name, String projectId, String projectName, String organizationId,
            String organizationName) {
    }

    static MemberRepresentation of(Member member, Owner owner) {
        AccountOwner account = owner == null ? null : new AccountOwner(owner.accountId(), owner.name(),
                owner.projectId(), owner.projectName(), owner.organizationId(), owner.organizationName());
        return new MemberRepresentation(member.id(), owner == null ? "user" : "serviceAccount", member.username(),
                member.email(), member.role().id(), account);
    }
}
