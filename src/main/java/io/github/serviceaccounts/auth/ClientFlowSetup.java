package io.github.serviceaccounts.auth;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/**
 * Keycloak runs only the executions of a realm's client-authentication flow, so the key authenticator must be one of
 * them. It goes first: for clients that are not service accounts it returns after one cached lookup, and the service
 * accounts' token requests then skip every other authenticator.
 */
final class ClientFlowSetup {

    private ClientFlowSetup() {
    }

    static void ensure(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
        if (flow == null || realm.getAuthenticationExecutionsStream(flow.getId())
                .anyMatch(e -> KeyPairClientAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator()))) {
            return;
        }
        int first = realm.getAuthenticationExecutionsStream(flow.getId())
                .mapToInt(AuthenticationExecutionModel::getPriority).min().orElse(10);
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(flow.getId());
        execution.setAuthenticator(KeyPairClientAuthenticatorFactory.PROVIDER_ID);
        execution.setRequirement(AuthenticationExecutionModel.Requirement.ALTERNATIVE);
        execution.setAuthenticatorFlow(false);
        execution.setPriority(first - 1);
        realm.addAuthenticatorExecution(execution);
    }
}
