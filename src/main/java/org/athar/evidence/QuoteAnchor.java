package org.athar.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a quote stands in its source's text, as the W3C Web Annotation model's TextQuoteSelector gives it: the exact
 * passage of the text, up to 32 characters before it (prefix) and after it (suffix), and the offset of its first
 * character (UTF-16 code units, as JavaScript counts). The quote must be the source's words: whitespace and the
 * typographic forms of quote marks and apostrophes aside (a space before a full stop or comma counts as whitespace),
 * with every cut marked "…" (or "...") where the quote leaves words out, begins after a sentence has begun or
 * ends before it has ended.
 */
public record QuoteAnchor(String exact, String prefix, String suffix, int start) {

    private static final int CONTEXT = 32;

    /**
     * Anchors {@code quote} in {@code text}, or throws {@link Refused} saying where the words part company, that
     * the quote is found more than once (give more of it), or which cut lacks its "…".
     */
    public static QuoteAnchor find(String text, String quote) {
        Folded body = Folded.of(text);
        List<String> parts = new ArrayList<>();
        for (String part : quote.strip().split("\\s*(…|\\.\\.\\.)\\s*", -1)) {
            parts.add(Folded.of(part).text);
        }
        boolean cutBefore = parts.get(0).isEmpty();
        boolean cutAfter = parts.get(parts.size() - 1).isEmpty();
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) {
            throw new Refused("The quote has no words.", "الاقتباس بلا كلمات.");
        }
        List<int[]> matches = new ArrayList<>();
        for (int at = body.text.indexOf(parts.get(0)); at >= 0; at = body.text.indexOf(parts.get(0), at + 1)) {
            int end = at + parts.get(0).length();
            for (int i = 1; i < parts.size() && end >= 0; i++) {
                int next = body.text.indexOf(parts.get(i), end);
                end = next < 0 ? -1 : next + parts.get(i).length();
            }
            if (end >= 0) {
                matches.add(new int[] { at, end });
            }
        }
        if (matches.isEmpty()) {
            throw notFound(body.text, parts);
        }
        if (matches.size() > 1) {
            throw new Refused("The quote is found " + matches.size() + " times in the source's text: quote more of "
                    + "the sentence, so that it points to one passage.", "الاقتباس موجود " + matches.size()
                    + " مرات في نص المصدر: اقتبس أكثر من الجملة حتى يدل على موضع واحد.");
        }
        int from = matches.get(0)[0];
        int to = matches.get(0)[1];
        if (!cutBefore && !startsSentence(body, from, parts.get(0))) {
            throw new Refused("The quote begins after the sentence has begun (the text has «"
                    + before(body.text, from) + "» before it): start it with «…».",
                    "يبدأ الاقتباس بعد بداية الجملة: ابدأه بـ «…».");
        }
        if (!cutAfter && !endsSentence(body, to)) {
            throw new Refused("The quote stops before the sentence ends (the text goes on «" + after(body.text, to)
                    + "»): end it with «…».", "ينتهي الاقتباس قبل نهاية الجملة: اختمه بـ «…».");
        }
        int start = body.original[from];
        int end = body.original[to - 1] + 1;
        return new QuoteAnchor(text.substring(start, end), text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(end, Math.min(text.length(), end + CONTEXT)), start);
    }

    /** Whether a quote can be anchored in the text; the message of {@link Refused} says why not. */
    public static boolean isIn(String text, String quote) {
        try {
            find(text, quote);
            return true;
        } catch (Refused e) {
            return false;
        }
    }

    private static Refused notFound(String body, List<String> parts) {
        for (String part : parts) {
            if (body.contains(part)) {
                continue;
            }
            // the longest beginning of this part that the text has, to show the curator where the words differ
            int low = 0;
            int high = part.length();
            while (low < high) {
                int mid = (low + high + 1) / 2;
                if (body.contains(part.substring(0, mid))) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            if (low >= 12) {
                int at = body.indexOf(part.substring(0, low));
                return new Refused("The quote is not the source's words: after «" + tail(part.substring(0, low))
                        + "» the text has «" + after(body, at + low) + "» where the quote has «"
                        + head(part.substring(low)) + "».", "الاقتباس ليس كلمات المصدر: بعد «" + tail(part.substring(0, low))
                        + "» في النص «" + after(body, at + low) + "» وفي الاقتباس «" + head(part.substring(low)) + "».");
            }
            return new Refused("The quote is not in the source's text: «" + head(part) + "» does not appear in it.",
                    "الاقتباس ليس في نص المصدر: لا يرد فيه «" + head(part) + "».");
        }
        return new Refused("The quote's parts are in the source's text, but not in this order.",
                "أجزاء الاقتباس في نص المصدر، لكن ليس بهذا الترتيب.");
    }

    private static boolean startsSentence(Folded body, int from, String first) {
        if (!Character.isUpperCase(first.codePointAt(0)) && Character.isLetter(first.codePointAt(0))) {
            return true; // a quote that begins in lower case shows itself that it begins inside a sentence
        }
        int i = from - 1;
        while (i >= 0 && body.text.charAt(i) == '"' || i >= 0 && body.text.charAt(i) == '\'') {
            i--;
        }
        if (i >= 0 && body.lineBreaks.get(i)) {
            return true;
        }
        i -= i >= 0 && body.text.charAt(i) == ' ' ? 1 : 0;
        return i < 0 || ".!?:;•-–—()[]|".indexOf(body.text.charAt(i)) >= 0;
    }

    private static boolean endsSentence(Folded body, int to) {
        return to >= body.text.length() || ".!?\"'".indexOf(body.text.charAt(to - 1)) >= 0 || body.lineBreaks.get(to);
    }

    private static String before(String body, int at) {
        return body.substring(Math.max(0, at - 30), at).strip();
    }

    private static String after(String body, int at) {
        return body.substring(at, Math.min(body.length(), at + 30)).strip();
    }

    private static String head(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String tail(String s) {
        return s.length() <= 40 ? s : "…" + s.substring(s.length() - 40);
    }

    /**
     * Text with whitespace runs folded to one space (remembering those that broke a line, which marks where sentences
     * end in pages whose headings and captions have no full stop), typographic quote marks and apostrophes folded to plain ones, and the
     * space before a full stop, comma, colon, semicolon, question or exclamation mark dropped; {@code original[i]} is
     * where the i-th folded character stands in the original text.
     */
    private record Folded(String text, int[] original, java.util.BitSet lineBreaks) {
        static Folded of(String s) {
            StringBuilder out = new StringBuilder(s.length());
            int[] map = new int[s.length()];
            int n = 0;
            java.util.BitSet lines = new java.util.BitSet();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    int j = i;
                    boolean line = false;
                    while (j < s.length() && (Character.isWhitespace(s.charAt(j)) || s.charAt(j) == '\u00a0')) {
                        line |= s.charAt(j) == '\n';
                        j++;
                    }
                    boolean beforePunctuation = j < s.length() && ".,;:!?".indexOf(s.charAt(j)) >= 0 && !line;
                    if (n > 0 && j < s.length() && !beforePunctuation) {
                        out.append(' ');
                        lines.set(n, line);
                        map[n++] = i;
                    }
                    i = j - 1;
                    continue;
                }
                out.append(switch (c) {
                    case '\u2018', '\u2019', '\u02bc', '\u2032' -> '\'';
                    case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2033' -> '"';
                    default -> c;
                });
                map[n++] = i;
            }
            return new Folded(out.toString(), java.util.Arrays.copyOf(map, n), lines);
        }
    }
}
