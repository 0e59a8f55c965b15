package org.athar.curation;

import java.util.Arrays;
import java.util.Objects;

import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.db.Sql;
import org.athar.evidence.Source;
import org.athar.history.History;
import org.athar.place.Place;
import org.athar.status.StatusAssessment;
import org.athar.web.ConflictException;
import org.athar.web.RecordNotFoundException;

/** The kinds of record a draft can propose, with how each is read, versioned and withdrawn. */
enum RecordType {
    SOURCE(History.Kind.SOURCE, SourceForm.class),
    PLACE(History.Kind.PLACE, PlaceForm.class),
    EVENT(History.Kind.EVENT, EventForm.class),
    CLAIM(History.Kind.CLAIM, ClaimForm.class),
    STATUS(History.Kind.STATUS, StatusForm.class),
    DAMAGE_REPORT(null, DamageReportForm.class),
    IMPORT(null, ImportProposal.class),
    TRIAGE(null, TriageForm.class);

    final History.Kind kind;
    final Class<? extends Proposal> form;

    RecordType(History.Kind kind, Class<? extends Proposal> form) {
        this.kind = kind;
        this.form = form;
    }

    /** The kind named in an address (/curate/withdraw/events/12); only kinds with a history can be named. */
    static RecordType ofPath(String path) {
        History.Kind kind = History.Kind.of(path)
                .orElseThrow(() -> new RecordNotFoundException("There is no kind of record called '" + path + "'."));
        return Arrays.stream(values()).filter(type -> type.kind == kind).findFirst().orElseThrow();
    }

    String noun() {
        return this == IMPORT ? "bulk import" : this == TRIAGE ? "triaged article" : kind == null ? "damage report" : kind.noun;
    }

    /** The record's version now, or -1 when it does not exist (it was withdrawn). */
    int versionOf(long id) {
        return version(id, "");
    }

    /**
     * The record's version, or -1 when it does not exist (it was withdrawn), with the record locked until the
     * transaction ends: whoever publishes a change to it meanwhile waits, and this one reads the version they leave.
     */
    int lockedVersionOf(long id) {
        return version(id, " for update");
    }

    private int version(long id, String lock) {
        return Sql.query("select version from " + kind.table + " where id = ?" + lock, rs -> rs.getInt(1), id).stream()
                .findFirst().orElse(-1);
    }

    /** Where a curator edits the record. */
    String editPath(long id) {
        return switch (this) {
            case PLACE -> "/curate/places/" + Place.<Place>findByIdOptional(id).map(p -> p.slug).orElse("") + "/edit";
            case EVENT -> "/curate/events/" + DamageEvent.<DamageEvent>findByIdOptional(id).map(e -> e.slug).orElse("") + "/edit";
            default -> "/curate/" + kind.path + "/" + id + "/edit";
        };
    }

    /** The published record as its form, for diffs and conflict pages; null when it does not exist. */
    Proposal current(long id) {
        return switch (this) {
            case SOURCE -> Source.<Source>findByIdOptional(id).map(SourceForm::of).orElse(null);
            case PLACE -> Place.<Place>findByIdOptional(id).map(PlaceForm::of).orElse(null);
            case EVENT -> DamageEvent.<DamageEvent>findByIdOptional(id).map(EventForm::of).orElse(null);
            case CLAIM -> Claim.<Claim>findByIdOptional(id).map(ClaimForm::of).orElse(null);
            case STATUS -> StatusAssessment.<StatusAssessment>findByIdOptional(id).map(StatusForm::of).orElse(null);
            case DAMAGE_REPORT, IMPORT, TRIAGE -> null;
        };
    }

    /**
     * Deletes the record and what belongs to it (names, effects, an event's claims...). Refuses, saying why, while
     * other records still rest on it: withdrawing never takes away evidence something else cites.
     */
    void withdraw(long id) {
        String blocker = switch (this) {
            case SOURCE -> count("select count(*) from claim where source_id = ?", id, "claim cites", "claims cite", "this source");
            case PLACE -> firstOf(
                    count("select count(*) from place where parent_id = ?", id, "place lies", "places lie", "inside this one"),
                    count("select count(*) from damage_event_place where place_id = ?", id, "damage event concerns",
                            "damage events concern", "this place"),
                    count("select count(*) from claim where place_id = ?", id, "claim is", "claims are", "about this place"));
            case EVENT -> count("""
                    select count(*) from status_assessment_claim b join claim c on c.id = b.claim_id where c.event_id = ?""",
                    id, "status entry rests", "status entries rest", "on this event's claims");
            case CLAIM -> count("select count(*) from status_assessment_claim where claim_id = ?", id, "status entry rests",
                    "status entries rest", "on this claim");
            default -> null;
        };
        if (blocker != null) {
            throw new ConflictException(blocker + " Withdraw or change those first.");
        }
        Sql.update("delete from " + kind.table + " where id = ?", id);
    }

    /** "2 claims cite this source." when the count is not zero. */
    private static String count(String sql, long id, String one, String many, String rest) {
        long n = Sql.query(sql, rs -> rs.getLong(1), id).get(0);
        return n == 0 ? null : n + " " + (n == 1 ? one : many) + " " + rest + ".";
    }

    private static String firstOf(String... blockers) {
        return Arrays.stream(blockers).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
