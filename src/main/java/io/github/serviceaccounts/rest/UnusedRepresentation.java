package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.activity.UnusedReport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The unused report of a project (SPEC §7): its accounts, keys and federated credentials not used in the days asked
 * for; each key and credential names the account it belongs to.
 */
public record UnusedRepresentation(List<ServiceAccountRepresentation> serviceAccounts, List<UnusedKey> keys,
        List<UnusedCredential> federatedCredentials) {

    /** The account a key or credential belongs to. */
    public record Owner(String id, String name) {
    }

    public record UnusedKey(Owner serviceAccount, KeyRepresentation key) {
    }

    public record UnusedCredential(Owner serviceAccount, FederatedCredentialRepresentation federatedCredential) {
    }

    static UnusedRepresentation of(UnusedReport.Found found) {
        Map<String, Owner> owners = found.names().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Owner(e.getKey(), e.getValue())));
        return new UnusedRepresentation(
                found.accounts().stream().map(a -> ServiceAccountRepresentation.of(a, found.lastUses().get(a.id())))
                        .toList(),
                found.keys().stream().map(k -> new UnusedKey(owners.get(k.clientId()), KeyRepresentation.of(k)))
                        .toList(),
                found.credentials().stream().map(c -> new UnusedCredential(owners.get(c.clientId()),
                        FederatedCredentialRepresentation.of(c))).toList());
    }
}
