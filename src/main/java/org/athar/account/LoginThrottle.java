package org.athar.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down, then refuses, repeated failed sign-ins for an account or from an address: after {@link #FREE}
 * failures each further failure waits longer, and {@link #LOCK_AFTER} failures for one account (or
 * {@link #LOCK_AFTER_ADDRESS} from one address, which a whole office may share) within {@link #WINDOW} refuse
 * sign-in for {@link #LOCK}. Kept in memory: a restart forgives, which is acceptable for a single instance.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE = 3;
    static final int LOCK_AFTER = 6;
    static final int LOCK_AFTER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private record Failures(int count, Instant first) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    /** How long sign-in stays refused for any of these keys, if it is. */
    public Optional<Duration> lockedFor(String... keys) {
        Instant now = clock.instant();
        Duration longest = null;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null && f.count >= (key.startsWith("address:") ? LOCK_AFTER_ADDRESS : LOCK_AFTER)) {
                Duration left = Duration.between(now, f.first.plus(WINDOW).plus(LOCK));
                if (!left.isNegative() && (longest == null || left.compareTo(longest) > 0)) {
                    longest = left;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Records a failure and returns how long to wait before answering it. */
    public Duration failed(String... keys) {
        Instant now = clock.instant();
        int most = 0;
        for (String key : keys) {
            Failures f = failures.compute(key, (k, old) -> old == null || old.first.plus(WINDOW).plus(LOCK).isBefore(now)
                    ? new Failures(1, now) : new Failures(old.count + 1, old.first));
            most = Math.max(most, f.count);
        }
        return Duration.ofMillis(Math.max(0, most - FREE) * 500L);
    }

    public void succeeded(String key) {
        failures.remove(key);
    }
}
