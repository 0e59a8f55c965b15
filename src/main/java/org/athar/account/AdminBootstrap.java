package org.athar.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * No default password ever ships: the first administrator comes from ATHAR_ADMIN_USERNAME and
 * ATHAR_ADMIN_PASSWORD, created at start when both are set and no administrator exists yet.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @ConfigProperty(name = "athar.admin.username")
    Optional<String> username;

    @ConfigProperty(name = "athar.admin.password")
    Optional<String> password;

    void onStart(@Observes StartupEvent event) {
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        String problem = Account.passwordProblem(password.get());
        if (problem != null) {
            LOG.errorf("ATHAR_ADMIN_PASSWORD cannot be used: %s No administrator was created.", problem);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (Account.count("role", Role.ADMIN.name()) == 0) {
                Account.create(username.get().strip().toLowerCase(), password.get(), Role.ADMIN);
                LOG.infof("Created administrator '%s' from ATHAR_ADMIN_USERNAME", username.get());
            }
        });
    }
}
