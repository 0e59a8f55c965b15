package org.athar.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.athar.evidence.Reliability;
import org.athar.evidence.Source;
import org.athar.time.UncertainDate;
import org.junit.jupiter.api.Test;

class EventReadingTest {

    private static long ids;

    private static Source source(Reliability reliability) {
        Source source = new Source();
        source.id = ++ids;
        source.reliability = reliability;
        return source;
    }

    private static Claim claim(Source source, String date, Severity severity, Verification verification,
            Certainty certainty) {
        Claim claim = new Claim();
        claim.id = ++ids;
        claim.source = source;
        claim.date = date == null ? null : UncertainDate.parse(date);
        claim.severity = severity;
        claim.verification = verification;
        claim.certainty = certainty;
        return claim;
    }

    @Test
    void keepsBothDatesWhenSourcesDisagreeAndReadsTheBestSupportedOne() {
        Claim asor = claim(source(Reliability.HIGH), "2015-08-30", Severity.DESTROYED, Verification.CORROBORATED, Certainty.HIGH);
        Claim reuters = claim(source(Reliability.MEDIUM), "2015-08-30", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM);
        Claim imagery = claim(source(Reliability.HIGH), "2015-08-27/2015-08-31", Severity.DESTROYED,
                Verification.IMAGERY_CONFIRMED, Certainty.DEFINITE);
        Claim talk = claim(source(Reliability.LOW), "2015-08-23", Severity.DESTROYED, Verification.REPORTED, Certainty.LOW);

        EventReading reading = EventReading.of(List.of(talk, asor, reuters, imagery));

        assertTrue(reading.datesDisputed(), "23 Aug and 30 Aug cannot both be true");
        assertFalse(reading.severityDisputed());
        assertEquals("2015-08-30", reading.date().orElseThrow().edtf,
                "the imagery window supports 30 Aug, so 30 Aug is the most precise well-supported reading");
        assertEquals(List.of("2015-08-30", "2015-08-27/2015-08-31", "2015-08-23"),
                reading.dates().stream().map(a -> a.value().edtf).toList());
        assertEquals(List.of(asor, reuters), reading.dates().get(0).claims());
    }

    @Test
    void aClaimMarkedDisputedNeitherSupportsAReadingNorRaisesADisputeByItself() {
        Claim asor = claim(source(Reliability.HIGH), "2015-08-30", Severity.DESTROYED, Verification.CORROBORATED, Certainty.HIGH);
        Claim talk = claim(source(Reliability.LOW), "2015-08-23", Severity.SLIGHT, Verification.DISPUTED, Certainty.LOW);
        EventReading reading = EventReading.of(List.of(talk, asor));
        assertFalse(reading.disputed(), "only a disputed claim disagrees");
        assertEquals(List.of("2015-08-30"), reading.dates().stream().map(a -> a.value().edtf).toList());
        assertEquals(Severity.DESTROYED, reading.severity().orElseThrow());
    }

    @Test
    void independentSourcesAddUpAndARepeatedReportCountsOnce() {
        Source wire = source(Reliability.MEDIUM);
        Source reprint = source(Reliability.MEDIUM);
        reprint.repeats = wire;
        Source reprint2 = source(Reliability.MEDIUM);
        reprint2.repeats = wire;
        Source observer = source(Reliability.MEDIUM);
        Source other = source(Reliability.MEDIUM);
        // one wire story and its two reprints say 23 Aug; two independent sources say 30 Aug
        EventReading reading = EventReading.of(List.of(
                claim(wire, "2015-08-23", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM),
                claim(reprint, "2015-08-23", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM),
                claim(reprint2, "2015-08-23", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM),
                claim(observer, "2015-08-30", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM),
                claim(other, "2015-08-30", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM)));
        assertEquals("2015-08-30", reading.date().orElseThrow().edtf);
        assertEquals(reading.dates().get(0).weight(), 2 * reading.dates().get(1).weight(),
                "three copies of one report weigh as one");
    }

    @Test
    void aPreciseButWeakClaimDoesNotOutrankAWiderWindowFromAStrongSource() {
        Claim strong = claim(source(Reliability.HIGH), "2015-08", Severity.DESTROYED, Verification.IMAGERY_CONFIRMED, Certainty.HIGH);
        Claim weak = claim(source(Reliability.LOW), "2015-08-30", Severity.DESTROYED, Verification.REPORTED, Certainty.LOW);
        assertEquals("2015-08", EventReading.of(List.of(weak, strong)).date().orElseThrow().edtf);
        // equally strong: the more precise wins, the wider window supporting it
        Claim alsoStrong = claim(source(Reliability.HIGH), "2015-08-30", Severity.DESTROYED, Verification.IMAGERY_CONFIRMED, Certainty.HIGH);
        assertEquals("2015-08-30", EventReading.of(List.of(strong, alsoStrong)).date().orElseThrow().edtf);
    }

    @Test
    void claimsNamingOneActorInDifferentWordsAgree() {
        org.athar.actor.Actor is = new org.athar.actor.Actor();
        is.slug = "islamic-state";
        is.addName("Islamic State", "en");
        Claim a = claim(source(Reliability.MEDIUM), "2015-08-30", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM);
        a.actor = "Isis";
        a.actorRecord = is;
        Claim b = claim(source(Reliability.MEDIUM), "2015-08-30", Severity.DESTROYED, Verification.REPORTED, Certainty.MEDIUM);
        b.actor = "IS";
        b.actorRecord = is;
        EventReading reading = EventReading.of(List.of(a, b));
        assertEquals(List.of("Islamic State"), reading.actors().stream().map(EventReading.Alternative::value).toList());
    }

    @Test
    void overlappingWindowsAreNotADispute() {
        Claim month = claim(source(Reliability.MEDIUM), "2015-10", Severity.DESTROYED, Verification.REPORTED, Certainty.HIGH);
        Claim day = claim(source(Reliability.MEDIUM), "2015-10-04", Severity.DESTROYED, Verification.CORROBORATED, Certainty.HIGH);
        EventReading reading = EventReading.of(List.of(month, day));
        assertFalse(reading.disputed());
        assertEquals("2015-10-04", reading.date().orElseThrow().edtf);
    }

    @Test
    void differentSeveritiesAreADispute() {
        Claim severe = claim(source(Reliability.HIGH), null, Severity.SEVERE, Verification.IMAGERY_CONFIRMED, Certainty.HIGH);
        Claim destroyed = claim(source(Reliability.LOW), null, Severity.DESTROYED, Verification.REPORTED, Certainty.LOW);
        EventReading reading = EventReading.of(List.of(destroyed, severe));
        assertTrue(reading.severityDisputed());
        assertTrue(reading.disputed());
        assertEquals(Severity.SEVERE, reading.severity().orElseThrow());
        assertTrue(reading.date().isEmpty(), "no claim gives a date");
    }

    @Test
    void anEventWithoutClaimsHasNoReading() {
        EventReading reading = EventReading.of(List.of());
        assertTrue(reading.date().isEmpty());
        assertTrue(reading.severity().isEmpty());
        assertFalse(reading.disputed());
    }
}
