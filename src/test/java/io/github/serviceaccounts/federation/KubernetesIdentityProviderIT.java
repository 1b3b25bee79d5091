package io.github.serviceaccounts.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serviceaccounts.testing.Api;
import io.github.serviceaccounts.testing.Federation;
import io.github.serviceaccounts.testing.KeycloakIntegrationTest;
import io.github.serviceaccounts.testing.Response;
import io.github.serviceaccounts.testing.Scenario;
import io.github.serviceaccounts.testing.TestAccount;
import io.github.serviceaccounts.testing.TestIssuer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's own Kubernetes identity provider (26.6 and later, on by default from 26.7) as a trusted issuer: its
 * keys come through Keycloak's Kubernetes loader, which reads the issuer's discovery document. Not in the smoke
 * subset, which also runs on 26.4 and 26.5, where that provider is experimental and off.
 */
@KeycloakIntegrationTest
class KubernetesIdentityProviderIT {

    @Test
    void aPodsTokenIsExchangedThroughKeycloaksKubernetesProvider(Api api) {
        Scenario s = Scenario.create(api);
        try (TestIssuer cluster = TestIssuer.start()) {
            String alias = Federation.trustKubernetesIssuer(s.realm(), cluster.url());
            assertThat(api.get(s.iam("/trusted-issuers"), api.adminToken()).json().findValuesAsText("providerId"))
                    .contains("kubernetes");
            TestAccount account = TestAccount.create(s.realm(), s.website(), "pod");
            Response created = api.post(account.path("/federated-credentials"), api.adminToken(), Map.of(
                    "name", "deployer", "issuer", cluster.url(), "subject", "system:serviceaccount:ci:deployer"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);

            Response answer = Federation.exchange(s.realm(), account.clientId(),
                    cluster.sign(cluster.podClaims("ci", "deployer", Federation.issuerOf(s.realm()))));

            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(cluster.jwksRequests()).isEqualTo(1);
            assertThat(alias).startsWith("k8s-");
        }
    }
}
