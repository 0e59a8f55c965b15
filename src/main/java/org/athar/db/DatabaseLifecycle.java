package org.athar.db;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Stops the embedded PostgreSQL last: after the application has finished the requests in flight (Quarkus waits up
 * to quarkus.shutdown.timeout before it fires ShutdownEvent), with a checkpoint, so that a SIGTERM leaves nothing to
 * recover.
 */
@ApplicationScoped
class DatabaseLifecycle {

    void started(@Observes StartupEvent event) {
        EmbeddedPostgresServer.applicationRunning = EmbeddedPostgresServer.isRunning();
    }

    // after every other observer of the shutdown (the change listener closes its connection first)
    void stopping(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) ShutdownEvent event) {
        EmbeddedPostgresServer.applicationRunning = false;
    }
}
