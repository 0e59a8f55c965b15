package org.athar.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.transaction.Transactional;

import org.athar.place.Place;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@Transactional
class StatusTimelineTest {

    private static Optional<Condition> statusOn(String slug, String day) {
        return StatusAssessment.asOf(Place.findBySlug(slug).orElseThrow(), LocalDate.parse(day)).map(s -> s.condition);
    }

    @Test
    void asOfReturnsTheConditionKnownToHoldOnThatDay() {
        assertEquals(Optional.of(Condition.FAIR), statusOn("palmyra", "2015-01-01"));
        assertEquals(Optional.of(Condition.VERY_BAD), statusOn("palmyra", "2017-01-01"));
        assertEquals(Optional.of(Condition.DESTROYED), statusOn("temple-of-bel", "2016-01-01"));
        assertEquals(Optional.of(Condition.DESTROYED), statusOn("temple-of-bel", "2015-08-31"));
    }

    @Test
    void aConditionInAWindowIsNotKnownUntilTheWindowCloses() {
        // destroyed between 27 and 31 Aug 2015: on 28 Aug it was not yet known to be destroyed
        assertTrue(statusOn("temple-of-bel", "2015-08-28").isEmpty());
        assertTrue(statusOn("tetrapylon", "2016-06-01").isEmpty());
    }

    @Test
    void theTimelineIsNewestFirstWithItsClaims() {
        var timeline = StatusAssessment.timelineFor(Place.findBySlug("palmyra").orElseThrow());
        assertEquals(2, timeline.size());
        assertEquals(Condition.VERY_BAD, timeline.get(0).condition);
        assertEquals(Condition.FAIR, timeline.get(1).condition);
        assertTrue(timeline.stream().allMatch(s -> !s.basis.isEmpty()), "every status rests on claims");
    }
}
