package org.athar.evidence;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A source's full text, as a curator attached it (pasted, or read from an uploaded file), kept apart from the source so
 * that no public page or export can read it: quotes are checked against it and new articles triaged from it, and the
 * public sees only the quotes.
 */
@Entity
@Table(name = "source_text")
public class SourceText extends PanacheEntityBase {

    /** The longest text kept: a long report, not a book. */
    public static final int MAX_LENGTH = 1_000_000;

    @Id
    @Column(name = "source_id")
    public Long sourceId;

    public String body;

    @Column(name = "media_type")
    public String mediaType;

    @Version
    public int version;

    public static Optional<String> of(Long sourceId) {
        return sourceId == null ? Optional.empty()
                : SourceText.<SourceText>findByIdOptional(sourceId).map(t -> t.body);
    }

    /** Keeps {@code body} as the source's text, replacing any earlier one; none removes it. */
    public static void attach(Long sourceId, String body, String mediaType) {
        SourceText text = findById(sourceId);
        if (body == null) {
            if (text != null) {
                text.delete();
            }
            return;
        }
        if (text == null) {
            text = new SourceText();
            text.sourceId = sourceId;
        }
        text.body = body;
        text.mediaType = mediaType;
        text.persist();
    }
}
