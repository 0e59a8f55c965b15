package org.athar.curation;

import java.util.Map;

/**
 * What a draft proposes to write: a record as typed into its form, every field a string so that the form can be
 * shown again as the person typed it. Checked when proposed and again when published, since the registry may have
 * changed in between.
 */
interface Proposal {

    /** Field name to what is wrong with it; empty when it can be written. {@code recordId}: the record edited, or null. */
    Map<String, String> problems(Long recordId);

    /** Writes into the registry; call only when {@link #problems(Long)} is empty. */
    void publish(Long recordId, long draftId);

    /** A few words naming the record, for the review queue. */
    String title();

    /** What the proposal is about, for the confirmation its author reads: the place of a report, else its title. */
    default String about() {
        return title();
    }
}
