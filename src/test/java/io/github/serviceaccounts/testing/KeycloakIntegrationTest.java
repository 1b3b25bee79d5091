package io.github.serviceaccounts.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the one Keycloak server of this test run (started on first use, stopped at the end),
 * and injects a {@link KeycloakServer} or an {@link Api} into constructors, lifecycle methods and tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakExtension.class)
public @interface KeycloakIntegrationTest {
}
