package org.athar.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UncertainDateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "2015-08-30,            2015-08-30, 2015-08-30, DAY,      30 Aug 2015",
            "2015-08,               2015-08-01, 2015-08-31, MONTH,    Aug 2015",
            "2016-02,               2016-02-01, 2016-02-29, MONTH,    Feb 2016",
            "2015,                  2015-01-01, 2015-12-31, YEAR,     2015",
            "2015-08-27/2015-08-31, 2015-08-27, 2015-08-31, INTERVAL, between 27 Aug 2015 and 31 Aug 2015",
            "2015-08/2015-09,       2015-08-01, 2015-09-30, INTERVAL, between Aug 2015 and Sep 2015",
            "../2015-09-02,         null,       2015-09-02, INTERVAL, on or before 2 Sep 2015",
            "2015-09-03/..,         2015-09-03, null,       INTERVAL, on or after 3 Sep 2015",
            "2015-10~,              2015-09-16, 2015-11-15, MONTH,    about Oct 2015",
            "2015~,                 2014-07-03, 2016-06-30, YEAR,     about 2015",
            "2015-08-30?,           2015-08-29, 2015-08-31, DAY,      30 Aug 2015 (uncertain)",
            "2015-08~/2015-09,      2015-07-17, 2015-09-30, INTERVAL, between about Aug 2015 and Sep 2015",
            "-0032,                 -0032-01-01, -0032-12-31, YEAR,   33 BC",
    })
    void parsesEdtfIntoBoundsAndPrecisionAndKeepsTheText(String edtf, String earliest, String latest,
            DatePrecision precision, String label) {
        UncertainDate date = UncertainDate.parse(edtf);
        assertEquals(earliest == null ? null : LocalDate.parse(earliest), date.earliest);
        assertEquals(latest == null ? null : LocalDate.parse(latest), date.latest);
        assertEquals(precision, date.precision);
        assertEquals(label, date.label());
        assertEquals(edtf, date.edtf, "the EDTF text is kept as written");
        assertEquals(date, UncertainDate.parse(date.edtf), "formatting and parsing again gives the same date");
    }

    @Test
    void qualifiersAreReadFromTheText() {
        assertTrue(UncertainDate.parse("2015-10~").approximate());
        assertFalse(UncertainDate.parse("2015-10~").uncertain());
        assertTrue(UncertainDate.parse("2015-08-30?").uncertain());
        assertTrue(UncertainDate.parse("2015-08-30%").approximate());
        assertTrue(UncertainDate.parse("2015-08-30%").uncertain());
    }

    @Test
    void simpleFieldsBecomeEdtfAndBack() {
        LocalDate from = LocalDate.of(2016, 12, 26);
        LocalDate to = LocalDate.of(2017, 1, 10);
        UncertainDate window = UncertainDate.between(from, to);
        assertEquals("2016-12-26/2017-01-10", window.edtf);
        assertEquals(from, window.earliest);
        assertEquals(to, window.latest);
        assertEquals("../2017-01-10", UncertainDate.between(null, to).edtf);
        assertNull(UncertainDate.between(null, to).earliest);
        assertEquals(DatePrecision.DAY, UncertainDate.between(from, from).precision);
        assertEquals("2015-08-30", UncertainDate.on(LocalDate.of(2015, 8, 30)).edtf);
    }

    @Test
    void windowsOverlapAndContainEachOther() {
        UncertainDate imagery = UncertainDate.parse("2015-08-27/2015-08-31");
        assertTrue(imagery.overlaps(UncertainDate.parse("2015-08-30")));
        assertFalse(imagery.overlaps(UncertainDate.parse("2015-08-23")));
        assertTrue(imagery.contains(UncertainDate.parse("2015-08-30")));
        assertFalse(UncertainDate.parse("2015-08-30").contains(imagery));
        assertTrue(UncertainDate.parse("../2015-09").contains(imagery));
        assertTrue(UncertainDate.parse("../2015-09").overlaps(UncertainDate.parse("2015-09-03/..")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "30 August 2015", "2015-13", "2015-02-30", "2015-8-30", "15-08-30",
            "2015-08-31/2015-08-27", "../..", "2015/2016/2017", "2015-08-30!" })
    void rejectsWhatIsNotADateWithAReadableMessage(String text) {
        InvalidDateException e = assertThrows(InvalidDateException.class, () -> UncertainDate.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "30/08/2015 | 2015-08-30", "30.08.2015 | 2015-08-30", "2015/08/30 | 2015-08-30", "2015-8-30 | 2015-08-30",
            "08/2015 | 2015-08", "30 August 2015 | 2015-08-30", "August 30, 2015 | 2015-08-30", "Aug 2015 | 2015-08",
            "c. 2015 | 2015~" })
    void aDateWrittenAnotherCommonWayIsRefusedWithTheEdtfItMostLikelyMeans(String typed, String meant) {
        InvalidDateException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidDateException.class,
                () -> UncertainDate.parse(typed));
        org.junit.jupiter.api.Assertions.assertEquals("'" + typed + "' is not written as the registry writes dates "
                + "(EDTF, year first): did you mean " + meant + "?", e.getMessage());
        org.junit.jupiter.api.Assertions.assertEquals(meant, UncertainDate.parse(meant).edtf);
    }

    @Test
    void anImpossibleDayIsNotSuggested() {
        InvalidDateException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidDateException.class,
                () -> UncertainDate.parse("31/02/2015"));
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
    }
}
