package org.athar.db;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Supplies the datasource when none is configured: a real PostgreSQL that the application starts itself
 * (see {@link EmbeddedPostgresServer}). Setting quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) turns it
 * off. The server starts on the first read of the URL, so that merely building the application starts nothing.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(URL)) || "false".equals(context.getValue("athar.embedded-db.enabled").getValue())) {
            return List.of();
        }
        boolean ephemeral = "true".equals(context.getValue("athar.embedded-db.ephemeral").getValue());
        boolean durable = !"false".equals(context.getValue("athar.embedded-db.durable").getValue());
        ConfigValue dataDir = context.getValue("athar.embedded-db.data-dir");
        String dir = isSet(dataDir) ? dataDir.getValue() : "~/.athar/pgdata";
        return List.of(new EmbeddedSource(ephemeral ? null : dir, durable));
    }

    @Override
    public OptionalInt getPriority() {
        // below application.properties (250), so that anything configured there wins
        return OptionalInt.of(150);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static final class EmbeddedSource implements ConfigSource {
        private final String dataDir;
        private final boolean durable;

        EmbeddedSource(String dataDir, boolean durable) {
            this.dataDir = dataDir;
            this.durable = durable;
        }

        // Nothing is listed: the build enumerates listed names and records their values as runtime defaults
        // (it would also start a server to read the URL). The URL is answered only when asked for; it names the
        // user, and the password is in a password file the driver reads.
        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String name) {
            // (the password reaches the driver through the server's password file, see EmbeddedPostgresServer)
            return URL.equals(name) ? EmbeddedPostgresServer.start(dataDir, durable).url() : null;
        }

        @Override
        public String getName() {
            return "athar-embedded-postgres";
        }

        @Override
        public int getOrdinal() {
            return 150;
        }
    }
}
