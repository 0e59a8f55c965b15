package org.athar.account;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.athar.db.Sql;

/**
 * Slows down, then refuses, repeated failed sign-ins for an account or from an address: after {@link #FREE}
 * failures each further failure waits longer, and {@link #LOCK_AFTER} failures for one account (or
 * {@link #LOCK_AFTER_ADDRESS} from one address, which a whole office may share) within {@link #WINDOW} refuse
 * sign-in for {@link #LOCK}. Counted in the database (sign_in_failure), in the sign-in's own transaction, so that
 * every node of the registry sees the same counts.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE = 3;
    static final int LOCK_AFTER = 6;
    static final int LOCK_AFTER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    /** How long a count lasts: the window in which failures add up, then the lock they may have earned. */
    private static final long REMEMBERED = WINDOW.plus(LOCK).toSeconds();

    /** How long sign-in stays refused for any of these keys, if it is. */
    public Optional<Duration> lockedFor(String... keys) {
        Long seconds = Sql.query("""
                select ceil(extract(epoch from max(first_at + make_interval(secs => ?) - now())))::bigint
                from sign_in_failure
                where key = any (?) and first_at + make_interval(secs => ?) > now()
                  and count >= case when key like 'address:%' then ? else ? end""",
                rs -> rs.getObject(1, Long.class), REMEMBERED, keys, REMEMBERED, LOCK_AFTER_ADDRESS, LOCK_AFTER).get(0);
        return Optional.ofNullable(seconds).map(Duration::ofSeconds);
    }

    /** Records a failure and returns how long to wait before answering it. */
    public Duration failed(String... keys) {
        Sql.update("delete from sign_in_failure where first_at < now() - make_interval(secs => ?)", REMEMBERED);
        int most = 0;
        for (String key : keys) {
            most = Math.max(most, Sql.query("""
                    insert into sign_in_failure as f (key, count, first_at) values (?, 1, now())
                    on conflict (key) do update set
                        count = case when f.first_at + make_interval(secs => ?) < now() then 1 else f.count + 1 end,
                        first_at = case when f.first_at + make_interval(secs => ?) < now() then now() else f.first_at end
                    returning count""", rs -> rs.getInt(1), key, REMEMBERED, REMEMBERED).get(0));
        }
        return Duration.ofMillis(Math.max(0, most - FREE) * 500L);
    }

    public void succeeded(String key) {
        Sql.update("delete from sign_in_failure where key = ?", key);
    }
}
