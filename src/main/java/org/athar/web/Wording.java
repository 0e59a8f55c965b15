package org.athar.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.athar.history.Fields;
import org.athar.registry.Views;
import org.athar.search.SearchResult;
import org.athar.search.SearchService;
import org.athar.time.UncertainDate;
import org.athar.vocabulary.Term;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * What templates write in the page's language (the template's locale, set by {@link Language}): vocabulary labels
 * ({term.label}; {term.code} for CSS classes), dates ({date.text}, {day.written}) and counts ({n.digits}).
 */
@TemplateExtension
public class Wording {

    // above the resolver generated for the vocabularies themselves, whose label() is the English one
    @TemplateExtension(priority = 100)
    static String label(Term term, @TemplateAttribute("locale") Object locale) {
        return term.label(Language.of(locale).locale);
    }

    /** A search facet's value: {v.label(facet.key)}. */
    static String label(SearchResult.FacetValue value, String facet, @TemplateAttribute("locale") Object locale) {
        return SearchService.label(facet, value, Language.of(locale).locale);
    }

    /** A record's column or form field by its label: {f.name.fieldLabel}. */
    static String fieldLabel(String field, @TemplateAttribute("locale") Object locale) {
        return Fields.label(field, Language.of(locale).locale);
    }

    /** A table by what it holds: {c.table.tableLabel}. */
    static String tableLabel(String table, @TemplateAttribute("locale") Object locale) {
        return Fields.table(table, Language.of(locale).locale);
    }

    /** A field's value as people read it (codes by their labels, dates written out): {f.after.fieldValue(f.name, c.table)}. */
    static String fieldValue(String raw, String field, String table, @TemplateAttribute("locale") Object locale) {
        return Fields.value(raw, field, table, Language.of(locale).locale);
    }

    static String code(Term term) {
        return term.name().toLowerCase().replace('_', '-');
    }

    static String text(Views.DateView date, @TemplateAttribute("locale") Object locale) {
        return UncertainDate.label(date.edtf(), Language.of(locale).locale);
    }

    static String written(LocalDate day, @TemplateAttribute("locale") Object locale) {
        return UncertainDate.dayLabel(day, Language.of(locale).locale);
    }

    static String written(OffsetDateTime time, @TemplateAttribute("locale") Object locale) {
        return written(time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), locale);
    }

    /** An instant as HTML's {@code <time datetime>} takes it (whole seconds, UTC). */
    static String datetime(OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Whether a text is a day a date field can hold (YYYY-MM-DD); one it cannot is shown in a text field, as typed. */
    static boolean isDay(Object text) {
        try {
            LocalDate.parse(String.valueOf(text).strip());
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static String digits(Number n, @TemplateAttribute("locale") Object locale) {
        return UncertainDate.number(n.longValue(), Language.of(locale).locale);
    }
}
