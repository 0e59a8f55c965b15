package org.athar.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed-in browser. The cookie holds a random token; the database only its SHA-256. */
@Entity
@Table(name = "account_session")
public class AccountSession extends PanacheEntityBase {

    public static final String COOKIE = "athar_session";
    /** How often a session's last use is written down: often enough for the idle limit, rarely enough to cost nothing. */
    private static final Duration SEEN_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    /** How long a session lasts at most (athar.session.lifetime). */
    public static Duration lifetime() {
        return ConfigProvider.getConfig().getOptionalValue("athar.session.lifetime", Duration.class).orElse(Duration.ofHours(8));
    }

    /** How long a session may go unused (athar.session.idle-timeout). */
    static Duration idleTimeout() {
        return ConfigProvider.getConfig().getOptionalValue("athar.session.idle-timeout", Duration.class)
                .orElse(Duration.ofMinutes(30));
    }

    /** Opens a session for the account and returns the token to put in the cookie. */
    public static String open(Account account) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccountSession session = new AccountSession();
        session.tokenHash = hash(token);
        session.account = account;
        session.expiresAt = OffsetDateTime.now().plus(lifetime());
        session.lastSeenAt = OffsetDateTime.now();
        session.persist();
        return token;
    }

    /**
     * The session of this token if it is neither past its lifetime nor idle too long, and its account is not
     * disabled; its use is noted (at most once a minute). Call within a transaction.
     */
    public static Optional<AccountSession> findValid(String token) {
        OffsetDateTime now = OffsetDateTime.now();
        Optional<AccountSession> session = find("tokenHash = ?1 and expiresAt > ?2 and lastSeenAt > ?3 and account.disabledAt is null",
                hash(token), now, now.minus(idleTimeout())).firstResultOptional();
        session.filter(s -> s.lastSeenAt.isBefore(now.minus(SEEN_EVERY))).ifPresent(s -> s.lastSeenAt = now);
        return session;
    }

    public static void close(String token) {
        delete("tokenHash", hash(token));
    }

    /** Ends every session of the account but the one of {@code keptToken} (null: every one). */
    public static long closeAll(Account account, String keptToken) {
        return keptToken == null ? delete("account", account)
                : delete("account = ?1 and tokenHash <> ?2", account, hash(keptToken));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
