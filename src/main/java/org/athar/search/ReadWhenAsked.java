package org.athar.search;

/**
 * When a node's in-memory copy of search data ({@link BroadWords}, {@link NameTrigrams}) may be read from the
 * database: not at start, where reading it in the background took a 2-core machine's first seconds and delayed the
 * first page, but once a search has asked for it; and after a failed read, not again for a while. Its owner calls it
 * under the owner's own lock.
 */
final class ReadWhenAsked {

    private static final long RETRY_NANOS = 10_000_000_000L;

    private boolean asked;
    private long failedAt = System.nanoTime() - RETRY_NANOS;

    /** A search asks: whether a read may start now (none failed in the last few seconds). */
    boolean ask() {
        asked = true;
        return System.nanoTime() - failedAt > RETRY_NANOS;
    }

    /** Whether a search has asked since start: until then, a change of everything reads nothing. */
    boolean asked() {
        return asked;
    }

    void failed() {
        failedAt = System.nanoTime();
    }
}
