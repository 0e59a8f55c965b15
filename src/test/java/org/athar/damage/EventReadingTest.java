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
        Claim talk = claim(source(Reliability.LOW), "2015-08-23", Severity.DESTROYED, Verification.DISPUTED, Certainty.LOW);

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
