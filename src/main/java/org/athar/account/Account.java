package org.athar.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who keeps the registry: curator, reviewer or administrator. Passwords are kept as bcrypt hashes. */
@Entity
@UserDefinition
public class Account extends PanacheEntityBase {

    public static final int MIN_PASSWORD_LENGTH = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** One of {@link Role}, as the security layer reads it. */
    @Roles
    public String role;

    /** When an administrator disabled the account: it cannot sign in, and its sessions have ended. */
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    @Version
    public int version;

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static Account create(String username, String password, Role role) {
        Account account = new Account();
        account.username = username;
        account.role = role.name();
        account.setPassword(password);
        account.persist();
        return account;
    }

    public static List<Account> listByUsername() {
        return listAll(Sort.by("username"));
    }

    public boolean passwordMatches(String password) {
        return BcryptUtil.matches(password, passwordHash);
    }

    public void setPassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password);
    }

    /** Why a password cannot be used, or null if it can. */
    public static String passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return "Use at least " + MIN_PASSWORD_LENGTH + " characters.";
        }
        if (password.length() > 72) {
            return "Use at most 72 characters (bcrypt reads no further).";
        }
        return null;
    }
}
