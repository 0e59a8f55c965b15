package org.athar.web;

import org.athar.vocabulary.Term;

import io.quarkus.qute.TemplateExtension;

/** Vocabulary values in templates: {term.label} for people, {term.code} for CSS classes. */
@TemplateExtension
public class TermExtensions {

    static String label(Term term) {
        return term.label();
    }

    static String code(Term term) {
        return term.name().toLowerCase().replace('_', '-');
    }
}
