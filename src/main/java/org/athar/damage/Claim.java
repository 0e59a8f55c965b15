package org.athar.damage;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.athar.actor.Actor;
import org.athar.evidence.QuoteAnchor;
import org.athar.evidence.Refused;
import org.athar.evidence.Source;
import org.athar.evidence.SourceText;
import org.athar.place.Place;
import org.athar.status.Condition;
import org.athar.time.UncertainDate;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.JoinFormula;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One source's statement about an event or a place: what it asserts (a date window, a severity or condition, an
 * actor), the words it used, how certain it is and how far it has been checked. Claims are never edited to agree.
 */
@Entity
public class Claim extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public DamageEvent event;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "place_id")
    public Place place;

    public String quote;

    /** Where the quote stands in its source's full text (a TextQuoteSelector); none while it is not checked. */
    @Column(name = "quote_exact")
    public String quoteExact;
    @Column(name = "quote_prefix")
    public String quotePrefix;
    @Column(name = "quote_suffix")
    public String quoteSuffix;
    @Column(name = "quote_start")
    public Integer quoteStart;

    @Embedded
    @EmbeddedColumnNaming("date_%s")
    public UncertainDate date;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    /** How much of the place the source says is damaged (EAMENA extent); claims about events only. */
    @Enumerated(EnumType.STRING)
    public Extent extent;

    @Enumerated(EnumType.STRING)
    @Column(name = "condition")
    public Condition condition;

    /** The source's words for who did it. */
    public String actor;

    /** The actor a curator names for words that spell none of its names ("the ultra-hardline Islamist group"). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Actor namedActor;

    /** The actor the claim is about: the one a curator named, else the one whose name its words spell. Read only. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinFormula("coalesce(actor_id, (select n.actor_id from actor_name n where n.key = athar_normalize(actor)))")
    public Actor actorRecord;

    @Enumerated(EnumType.STRING)
    public Certainty certainty;

    @Enumerated(EnumType.STRING)
    public Verification verification;

    /** For a disputed claim: the source that disputes it. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "disputed_by_id")
    public Source disputedBy;

    public String note;

    @Version
    public int version;

    /**
     * How much weight the claim carries when sources disagree: the source's reliability, the claim's verification
     * and its certainty, each counted by its rank, multiplied so that a weak link weakens the whole.
     */
    public int weight() {
        return (source.reliability.ordinal() + 1) * (verification.ordinal() + 1) * (certainty.ordinal() + 1);
    }

    /**
     * Anchors the quote in its source's full text, or clears the anchor when there is no quote or no text ("quote not
     * checked"); throws {@link Refused} when the text does not have the quote.
     */
    public void anchorQuote() {
        String text = quote == null ? null : SourceText.of(source.id).orElse(null);
        QuoteAnchor anchor = text == null ? null : QuoteAnchor.find(text, quote);
        quoteExact = anchor == null ? null : anchor.exact();
        quotePrefix = anchor == null ? null : anchor.prefix();
        quoteSuffix = anchor == null ? null : anchor.suffix();
        quoteStart = anchor == null ? null : anchor.start();
    }

    public boolean quoteChecked() {
        return quoteExact != null;
    }

    /** The claims of a source that quote it: those its full text must hold. */
    public static List<Claim> listQuoting(Source source) {
        return list("source = ?1 and quote is not null order by id", source);
    }

    /** Claims made directly about a place (not through an event), with their sources. */
    public static List<Claim> listAboutPlace(Place place) {
        return list("from Claim c join fetch c.source where c.place = ?1 order by c.id", place);
    }
}
