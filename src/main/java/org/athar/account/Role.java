package org.athar.account;

/**
 * What an account may do. Each role includes the ones before it, so checks name every role that may act:
 * {@link #CURATORS} may edit drafts, {@link #REVIEWERS} may publish, {@link #ADMINS} manage accounts.
 */
public enum Role {
    CURATOR, REVIEWER, ADMIN;

    public static final String[] CURATORS = { "CURATOR", "REVIEWER", "ADMIN" };
    public static final String[] REVIEWERS = { "REVIEWER", "ADMIN" };
    public static final String[] ADMINS = { "ADMIN" };
}
