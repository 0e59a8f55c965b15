package org.athar.vocabulary;

import java.util.ResourceBundle;

/**
 * A controlled-vocabulary value: stored by its constant name, shown by its label. Labels are the field's own
 * wording (EAMENA, UNOSAT) and live in vocabulary.properties, keyed by enum name and constant, so that a
 * translation is a new bundle rather than a code change.
 */
public interface Term {

    String name();

    default String label() {
        return Labels.BUNDLE.getString(getClass().getSimpleName() + "." + name());
    }

    final class Labels {
        private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("vocabulary");

        private Labels() {
        }
    }
}
