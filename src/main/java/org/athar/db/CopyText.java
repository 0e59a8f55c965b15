package org.athar.db;

/** PostgreSQL's COPY text format: a backslash introduces \\, \n, \r, \t (and \b, \f, \v); \N is null. */
public final class CopyText {

    public static final String NULL = "\\N";

    private CopyText() {
    }

    public static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                text.append(c);
                continue;
            }
            char next = field.charAt(++i);
            text.append(switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> '\u000b';
                default -> next;
            });
        }
        return text.toString();
    }

    /** A value as a COPY field: null as \N. */
    public static String escape(Object value) {
        if (value == null) {
            return NULL;
        }
        String text = value.toString();
        StringBuilder field = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> field.append("\\\\");
                case '\n' -> field.append("\\n");
                case '\r' -> field.append("\\r");
                case '\t' -> field.append("\\t");
                default -> field.append(c);
            }
        }
        return field.toString();
    }
}
