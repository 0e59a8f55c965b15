package org.athar.testsupport;

import java.util.UUID;

import org.athar.account.Account;
import org.athar.account.Role;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Accounts made for one test each, so that no test depends on another's. */
public final class Accounts {

    private Accounts() {
    }

    public static String newAccount(Role role, String password) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> Account.create(username, password, role));
        return username;
    }
}
