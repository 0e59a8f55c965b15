package org.athar.vocabulary;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A controlled-vocabulary value: stored by its constant name, shown by its label. Labels are the field's own
 * wording (EAMENA, UNOSAT) and live in vocabulary.properties (English) and vocabulary_ar.properties (Arabic), keyed
 * by enum name and constant: every term has a label in both (VocabularyLabelsTest), and a further language is a
 * further file rather than a code change.
 */
public interface Term {

    String name();

    /** The English label, as exports and the API's descriptions write it. */
    default String label() {
        return label(Locale.ENGLISH);
    }

    /** The label in a language the registry is written in; English for any other. */
    default String label(Locale locale) {
        return Labels.label(this, locale);
    }

    /** Its key in the label files. */
    default String key() {
        return getClass().getSimpleName() + "." + name();
    }

    /** The label files: English (the base file) or Arabic, with no fallback from one to the other. */
    final class Labels {
        private static final ResourceBundle.Control EXACT = ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        private static final Locale ARABIC = Locale.forLanguageTag("ar");

        private Labels() {
        }

        /** A label file ("vocabulary", "fields") in a language the registry is written in; English for any other. */
        public static ResourceBundle bundle(String name, Locale locale) {
            return ResourceBundle.getBundle(name, locale != null && locale.getLanguage().equals("ar") ? ARABIC : Locale.ROOT, EXACT);
        }

        private static final ResourceBundle ENGLISH = bundle("vocabulary", Locale.ROOT);
        private static final ResourceBundle IN_ARABIC = bundle("vocabulary", ARABIC);

        // a page shows hundreds of labels: each is looked up in its file once, not by building its key every time
        private static final Map<Term, String> ENGLISH_LABELS = new ConcurrentHashMap<>();
        private static final Map<Term, String> ARABIC_LABELS = new ConcurrentHashMap<>();

        static String label(Term term, Locale locale) {
            boolean arabic = locale != null && locale.getLanguage().equals("ar");
            Map<Term, String> labels = arabic ? ARABIC_LABELS : ENGLISH_LABELS;
            String label = labels.get(term); // without the lock computeIfAbsent takes when the term shares its bin
            return label != null ? label : labels.computeIfAbsent(term, t -> (arabic ? IN_ARABIC : ENGLISH).getString(t.key()));
        }

        /** Whether a label file has this term (the test of completeness asks). */
        public static boolean has(Locale locale, Term term) {
            try {
                return !ResourceBundle.getBundle("vocabulary", locale, EXACT).getString(term.key()).isBlank();
            } catch (MissingResourceException e) {
                return false;
            }
        }
    }
}
