package org.athar.triage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.athar.damage.CauseType;
import org.athar.damage.Severity;
import org.athar.db.Sql;
import org.athar.evidence.SourceText;
import org.athar.web.BadParameterException;

/**
 * Reads a news text the way a curator would before recording it: every mention of a place in the registry (by any of
 * its names, spellings or scripts; case, diacritics and apostrophes ignored; longest match first; never inside another
 * word), every date expression resolved to an EDTF window, the words that report damage or a capture, the actors
 * named, and from these the claims the text makes: place, event (an existing one when place, cause and window match),
 * date, severity, actor and the sentence as a quote. Nothing is written: a curator accepts, edits or rejects each.
 * <p>
 * Names are matched by the registry's one normalisation (athar_normalize, the search's) on the compact form of
 * runs of up to {@value #LONGEST} words, so "Baal Shamin" finds "Baalshamin" and "Palmyra’s" finds Palmyra. A
 * lower-case single word ("amphitheatre") and a name's distinctive part alone ("Bel" for the Temple of Bel, after
 * "the temples of") count only for places inside a site the text names, so that an article about one site never
 * proposes another's monuments.
 */
@ApplicationScoped
public class Triage {

    static final int LONGEST = 6;

    /** A place named in the text: its slug, where (UTF-16 offsets, end exclusive), the words, its name, its page. */
    public record Mention(String place, int start, int end, String text, String name, String path) {
    }

    public record DateMention(String text, String edtf, int start, int end) {
    }

    /** A word that reports what happened: damage (with the severity it implies) or a capture. */
    public record Word(String text, int start, int end, boolean capture, Severity severity, CauseType causeType) {
    }

    public record ActorMention(String actor, int start, int end, String text) {
    }

    /** A claim the text makes, as Athar proposes it; {@code event} is null when no recorded event matches. */
    public record Proposal(String place, String placeName, String event, String eventSummary, String edtf,
            Severity severity, String actor, String actorWords, String quote, int quoteStart, int quoteEnd,
            boolean capture, CauseType causeType) {
    }

    public record Analysis(List<Mention> mentions, List<DateMention> dates, List<Word> words, List<ActorMention> actors,
            List<Proposal> proposals) {
    }

    /**
     * Reads an article as a curator gives it, refusing with a message at the field to fix ({@link BadParameterException})
     * a text too long, a day of publication missing or not a day, or an article with no date to date its claims by.
     */
    public Analysis read(String text, String publishedOn) {
        Analysis analysis = analyse(checkedText(text), publishedOn(publishedOn));
        requireDate(analysis);
        return analysis;
    }

    private static String checkedText(String text) {
        if (text.length() > SourceText.MAX_LENGTH) {
            throw new BadParameterException("text", String.format(java.util.Locale.ROOT, "The text is %,d characters long; "
                    + "triage reads articles up to %,d characters.", text.length(), SourceText.MAX_LENGTH));
        }
        return text;
    }

    private static LocalDate publishedOn(String day) {
        if (day == null || day.isBlank()) {
            throw new BadParameterException("publishedOn", "Give the day the article was published (\"publishedOn\", "
                    + "YYYY-MM-DD): relative dates such as \"last May\" count from it.");
        }
        LocalDate published = org.athar.web.Requests.date(day, "publishedOn");
        if (published.isAfter(LocalDate.now().plusDays(1))) {
            throw new BadParameterException("publishedOn", "The publication day " + day.strip() + " is in the future.");
        }
        return published;
    }

    /** An article with no date Athar can read cannot date the claims it makes: it is refused, saying so. */
    private static void requireDate(Triage.Analysis analysis) {
        if (analysis.dates().isEmpty()) {
            throw new BadParameterException("text", "Athar finds no date in this article (no day, month or year, and "
                    + "nothing like \"last May\" or \"on Sunday\"): its claims could not be dated. Record it as a damage "
                    + "report instead, giving the date yourself.");
        }
    }

    /** Reads {@code text}, published on {@code published}; run inside a transaction. */
    public Analysis analyse(String text, LocalDate published) {
        List<Token> tokens = Token.of(text);
        return Sql.work(connection -> {
            normalise(connection, tokens);
            List<Mention> mentions = places(connection, text, tokens);
            List<ActorMention> actors = actors(connection, text, tokens);
            List<DateMention> dates = DateExpressions.in(text, published).stream()
                    .map(d -> new DateMention(d.text(), d.edtf(), d.start(), d.end())).toList();
            List<Word> words = words(text);
            List<Proposal> proposals = propose(connection, text, mentions, dates, words, actors);
            return new Analysis(mentions, dates, words, actors, proposals);
        });
    }

    // ---- words -----------------------------------------------------------------------------------------------------

    /** A word of the text: letters, marks and digits, with apostrophes inside ("Palmyra’s", "Ba'al"). */
    record Token(int start, int end, String text, List<String> forms) {
        private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’ʼ][\\p{L}\\p{M}]+)*");

        static List<Token> of(String text) {
            List<Token> tokens = new ArrayList<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                tokens.add(new Token(m.start(), m.end(), m.group(), new ArrayList<>()));
            }
            return tokens;
        }

        /** The forms a name may take here: as written, without a possessive or plural ending, without a proclitic. */
        List<String> variants() {
            List<String> v = new ArrayList<>();
            v.add(text);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith("'s") || lower.endsWith("’s")) {
                v.add(text.substring(0, text.length() - 2));
            } else if (lower.length() > 4 && lower.endsWith("s") && !lower.endsWith("ss")) {
                v.add(text.substring(0, text.length() - 1));
            }
            if (text.length() >= 4 && "وبلفك".indexOf(text.charAt(0)) >= 0) {
                v.add(text.startsWith("لل") ? "ال" + text.substring(2) : text.substring(1));
            }
            return v;
        }

        boolean lowerCase() {
            return Character.isLowerCase(text.codePointAt(0));
        }

        String form() {
            return forms.get(0);
        }
    }

    /** Each token's variants through athar_normalize, in one query, so that matching uses the registry's own rule. */
    private static void normalise(Connection connection, List<Token> tokens) throws SQLException {
        List<String> all = new ArrayList<>();
        for (Token t : tokens) {
            all.addAll(t.variants());
        }
        List<String> normal = new ArrayList<>(all.size());
        try (PreparedStatement s = connection.prepareStatement(
                "select replace(athar_normalize(t), ' ', '') from unnest(?::text[]) with ordinality as u(t, i) order by i")) {
            s.setArray(1, connection.createArrayOf("text", all.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    normal.add(rs.getString(1) == null ? "" : rs.getString(1));
                }
            }
        }
        int i = 0;
        for (Token t : tokens) {
            for (int k = 0; k < t.variants().size(); k++) {
                t.forms.add(normal.get(i++));
            }
        }
    }

    /** The compact keys of the run of tokens [from, to): variants of its first and last words, the rest as written. */
    private static Set<String> keys(List<Token> tokens, int from, int to) {
        Set<String> keys = new LinkedHashSet<>();
        StringBuilder middle = new StringBuilder();
        for (int i = from + 1; i < to - 1; i++) {
            middle.append(tokens.get(i).form());
        }
        List<String> firsts = tokens.get(from).forms;
        List<String> lasts = to - 1 == from ? List.of("") : tokens.get(to - 1).forms;
        for (String first : to - 1 == from ? firsts : List.of(firsts.get(0), firsts.get(firsts.size() - 1))) {
            for (String last : lasts) {
                String key = first + middle + last;
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    // ---- places ----------------------------------------------------------------------------------------------------

    /** A place a name may mean, and how many words the name has (as the registry normalises it). */
    private record Named(long id, String slug, String level, long site, String name, int words) {
    }

    private static List<Mention> places(Connection connection, String text, List<Token> tokens) throws SQLException {
        Map<String, List<Named>> byKey = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int n = 1; n <= LONGEST && i + n <= tokens.size(); n++) {
                wanted.addAll(keys(tokens, i, i + n));
            }
        }
        try (PreparedStatement s = connection.prepareStatement("""
                select n.compact, p.id, p.slug, p.level, coalesce(case when p.level = 'SITE' then p.id end,
                       case when pp.level = 'SITE' then pp.id end, ppp.id, p.id), n.name,
                       array_length(string_to_array(athar_normalize(n.name), ' '), 1)
                from place_name n join place p on p.id = n.place_id
                left join place pp on pp.id = p.parent_id left join place ppp on ppp.id = pp.parent_id
                where n.compact = any (?)""")) {
            s.setArray(1, connection.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Named(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                                    rs.getInt(7)));
                }
            }
        }
        // the sites the text names unambiguously (by a capitalised or non-Latin name of one place)
        Set<Long> sites = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int n = 1; n <= LONGEST && i + n <= tokens.size(); n++) {
                for (String key : keys(tokens, i, i + n)) {
                    List<Named> found = fitting(byKey.getOrDefault(key, List.of()), text, tokens, i, n);
                    if (distinct(found).size() == 1 && !(n == 1 && tokens.get(i).lowerCase())) {
                        sites.add(found.get(0).site);
                    }
                }
            }
        }
        Map<String, List<Named>> distinctive = distinctive(connection, sites);
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < tokens.size();) {
            Match best = null;
            for (int n = Math.min(LONGEST, tokens.size() - i); n >= 1 && best == null; n--) {
                for (String key : keys(tokens, i, i + n)) {
                    Named chosen = choose(fitting(byKey.getOrDefault(key, List.of()), text, tokens, i, n), sites,
                            n == 1 && tokens.get(i).lowerCase());
                    if (chosen != null) {
                        best = new Match(n, chosen);
                        break;
                    }
                }
            }
            for (int n = Math.min(3, tokens.size() - i); n >= 1 && best == null; n--) {
                for (String key : keys(tokens, i, i + n)) {
                    List<Named> found = distinct(fitting(distinctive.getOrDefault(key, List.of()), text, tokens, i, n));
                    if (found.size() == 1 && headBefore(tokens, i, found.get(0).name)) {
                        best = new Match(n, found.get(0));
                        break;
                    }
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            Token first = tokens.get(i);
            Token last = tokens.get(i + best.length - 1);
            if (namesAnOrganisation(text, tokens, i + best.length)) {
                i += best.length; // "Palmyra Local Coordination Committee" is a body, not the place
                continue;
            }
            int end = last.end;
            String surface = text.substring(first.start, end);
            mentions.add(new Mention(best.place.slug, first.start, end, surface, best.place.name,
                    org.athar.place.PlaceLevel.valueOf(best.place.level).pagePath(best.place.slug)));
            i += best.length;
        }
        return mentions;
    }

    private record Match(int length, Named place) {
    }

    /**
     * The names that may stand for the n words from {@code at}: words joined by spaces or hyphens only (never across a
     * comma or a full stop), and as many words as the name has unless each is capitalised, as a proper name spelled
     * apart is ("Baal Shamin" for Baalshamin; not "for the" for a place called Forthe).
     */
    private static List<Named> fitting(List<Named> found, String text, List<Token> tokens, int at, int n) {
        if (found.isEmpty()) {
            return found;
        }
        boolean capitalised = true;
        for (int i = at; i < at + n; i++) {
            capitalised &= !tokens.get(i).lowerCase();
            if (i > at && !text.substring(tokens.get(i - 1).end, tokens.get(i).start).matches("[\\s\\-‐–]+")) {
                return List.of();
            }
        }
        boolean spelledApart = capitalised;
        return found.stream().filter(f -> f.words == n || spelledApart).toList();
    }

    private static final Set<String> ORGANISATIONS = Set.of("committee", "council", "observatory", "agency", "university",
            "front", "brigade", "brigades", "battalion", "company", "coordination", "museum's", "news", "media",
            "office", "ministry", "directorate", "network", "foundation", "association", "society", "centre", "center");

    /** Whether the capitalised words right after a name (spaces between, nothing else) make it an organisation's. */
    private static boolean namesAnOrganisation(String text, List<Token> tokens, int after) {
        for (int i = after; i < Math.min(tokens.size(), after + 4) && !tokens.get(i).lowerCase()
                && text.substring(tokens.get(i - 1).end, tokens.get(i).start).equals(" "); i++) {
            if (ORGANISATIONS.contains(tokens.get(i).text.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static List<Named> distinct(List<Named> found) {
        Map<Long, Named> byId = new LinkedHashMap<>();
        found.forEach(f -> byId.putIfAbsent(f.id, f));
        return List.copyOf(byId.values());
    }

    /**
     * The place a name means here: the only one, or the only one inside a site the text names, or the site itself
     * among its own monuments; a lower-case single word only inside a named site. None when it stays ambiguous.
     */
    private static Named choose(List<Named> found, Set<Long> sites, boolean lowerCaseWord) {
        List<Named> places = distinct(found);
        if (places.isEmpty()) {
            return null;
        }
        List<Named> inContext = places.stream().filter(p -> sites.contains(p.site)).toList();
        if (lowerCaseWord || places.size() > 1) {
            places = inContext;
        }
        if (places.size() > 1) {
            List<Named> siteLevel = places.stream().filter(p -> p.level.equals("SITE")).toList();
            places = siteLevel.size() == 1 ? siteLevel : places;
        }
        return places.size() == 1 ? places.get(0) : null;
    }

    /**
     * The distinctive part of every name of the places in the named sites ("bel" of "Temple of Bel"), with the name it
     * comes from; parts of fewer than three letters are left out.
     */
    private static Map<String, List<Named>> distinctive(Connection connection, Set<Long> sites) throws SQLException {
        Map<String, List<Named>> byKey = new HashMap<>();
        if (sites.isEmpty()) {
            return byKey;
        }
        // the sites, their monuments and the monuments' parts, each by an indexed lookup
        try (PreparedStatement s = connection.prepareStatement("""
                with inside (id, site) as (
                    select id, id from place where id = any (?1::bigint[])
                    union all select id, parent_id from place where parent_id = any (?1::bigint[])
                    union all select part.id, monument.parent_id from place monument join place part on part.parent_id = monument.id
                    where monument.parent_id = any (?1::bigint[]))
                select replace(athar_distinctive(n.name), ' ', ''), p.id, p.slug, p.level, inside.site, n.name,
                       array_length(string_to_array(athar_distinctive(n.name), ' '), 1)
                from inside join place p on p.id = inside.id join place_name n on n.place_id = p.id
                where length(athar_distinctive(n.name)) >= 3""".replace("?1::bigint[]", "?"))) {
            Array ids = connection.createArrayOf("bigint", sites.toArray());
            s.setArray(1, ids);
            s.setArray(2, ids);
            s.setArray(3, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Named(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                                    rs.getInt(7)));
                }
            }
        }
        return byKey;
    }

    /** Whether a generic word of the name ("temple" of "Temple of Bel") stands, maybe in the plural, just before. */
    private static boolean headBefore(List<Token> tokens, int at, String name) {
        Set<String> heads = new HashSet<>();
        for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (GENERIC.contains(w)) {
                heads.add(w);
            }
        }
        for (int i = Math.max(0, at - 8); i < at; i++) {
            String w = tokens.get(i).text.toLowerCase(Locale.ROOT);
            if (heads.contains(w) || w.endsWith("s") && heads.contains(w.substring(0, w.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> GENERIC = Set.of("temple", "tower", "tomb", "arch", "theatre", "theater",
            "amphitheatre", "shrine", "colonnade", "citadel", "museum", "prison", "valley", "church", "mosque", "castle",
            "palace", "gate", "house", "معبد", "برج", "قبر", "قوس", "مسرح", "مقام", "قلعة", "متحف", "سجن");

    // ---- actors ----------------------------------------------------------------------------------------------------

    private static List<ActorMention> actors(Connection connection, String text, List<Token> tokens) throws SQLException {
        Map<String, String> byKey = new HashMap<>();
        Map<String, Integer> shortNames = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select replace(n.key, ' ', ''), a.slug, n.name from actor_name n join actor a on a.id = n.actor_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                byKey.put(rs.getString(1), rs.getString(2));
                if (rs.getString(3).length() <= 4) {
                    shortNames.put(rs.getString(1), 1);
                }
            }
        }
        List<ActorMention> found = new ArrayList<>();
        for (int i = 0; i < tokens.size();) {
            int length = 0;
            String actor = null;
            for (int n = Math.min(LONGEST, tokens.size() - i); n >= 1 && actor == null; n--) {
                for (String key : keys(tokens, i, i + n)) {
                    String slug = byKey.get(key);
                    // a short name ("IS") only as written, in capitals, never the word "is"
                    if (slug != null && !(shortNames.containsKey(key) && !tokens.get(i).text.equals(tokens.get(i).text.toUpperCase(Locale.ROOT))
                            && tokens.get(i).text.length() <= 4)) {
                        actor = slug;
                        length = n;
                        break;
                    }
                }
            }
            if (actor == null) {
                i++;
                continue;
            }
            int start = tokens.get(i).start;
            int end = tokens.get(i + length - 1).end;
            found.add(new ActorMention(actor, start, end, text.substring(start, end)));
            i += length;
        }
        return found;
    }

    // ---- what happened ---------------------------------------------------------------------------------------------

    private record WordRule(Pattern pattern, boolean capture, Severity severity, CauseType causeType) {
    }

    /** Longer phrases first: "mostly destroyed" is severe, not destroyed. */
    private static final List<WordRule> WORDS = List.of(
            rule("(?:mostly|largely|partly|partially|half|badly) destroyed|severely damaged|heavily damaged|seriously damaged",
                    false, Severity.SEVERE, null),
            rule("blew up|blown up|blowing up|blow up|dynamited|dynamiting|dynamite|detonated|exploded|explosives?",
                    false, Severity.DESTROYED, CauseType.EXPLOSION_HEAVY_WEAPONRY),
            rule("demolished|demolishing|demolition|razed|razing|levell?ed", false, Severity.DESTROYED, CauseType.DEMOLITION_DESTRUCTION),
            rule("bulldozed|bulldozing", false, Severity.SEVERE, CauseType.CLEARANCE_BULLDOZING),
            rule("destroyed|destroying|destroys?|destruction|destructions", false, Severity.DESTROYED, CauseType.DEMOLITION_DESTRUCTION),
            rule("damaged|damaging|damages?", false, Severity.MODERATE, null),
            rule("looted|looting|plundered|plundering|pillaged|pillaging|stolen", false, null, CauseType.THEFT_REMOVAL_OF_OBJECTS),
            rule("beheaded|beheading|defaced|defacing|smashed|smashing|vandali[sz]ed", false, Severity.MODERATE, CauseType.BREAKING_SMASHING),
            rule("shelled|shelling|bombed|bombing|bombardment|air ?strikes? on|burned|burnt|set on fire", false, Severity.MODERATE,
                    CauseType.EXPLOSION_HEAVY_WEAPONRY),
            rule("recaptured|recapturing|recapture|captured|capturing|capture|retook|retaken|retake|retaking|seized|seizing"
                    + "|fell to|loss of|took control of|taken over|takes back|took back|take back|overran|overrun",
                    true, null, CauseType.OCCUPATION_CONTINUED_USE),
            rule("دمر|دمرت|تدمير|فجر|فجرت|تفجير|هدم|هدمت|نسف|نسفت", false, Severity.DESTROYED, CauseType.DEMOLITION_DESTRUCTION),
            rule("نهب|نهبت|سرقة", false, null, CauseType.THEFT_REMOVAL_OF_OBJECTS),
            rule("سيطر|سيطرت|استعاد|استعادت|استولى|استولت", true, null, CauseType.OCCUPATION_CONTINUED_USE));

    private static WordRule rule(String words, boolean capture, Severity severity, CauseType cause) {
        return new WordRule(Pattern.compile("(?<![\\p{L}])(?:" + words + ")(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), capture, severity, cause);
    }

    /** What has not happened: "would soon recapture", "poised to retake", "fears that it would destroy". */
    private static final Pattern NOT_DONE = Pattern.compile(
            "(?i)\\b(?:would|will|could|might|may|to|shall|fears?|threat(?:en(?:ed|s)?)?)(?: (?:soon|now|also|not|be|have))*\\s+$");

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        for (WordRule rule : WORDS) {
            Matcher m = rule.pattern.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (NOT_DONE.matcher(text.substring(Math.max(0, start - 40), start)).find()) {
                    continue;
                }
                if (m.group().equalsIgnoreCase("loss of") && !Character.isUpperCase(text.codePointAt(Math.min(end + 1, text.length() - 1)))) {
                    continue; // "the loss of a civilization" is no capture; "the loss of Palmyra" is
                }
                if (words.stream().noneMatch(w -> start < w.end && w.start < end)) {
                    words.add(new Word(m.group(), start, end, rule.capture, rule.severity, rule.causeType));
                }
            }
        }
        words.sort(Comparator.comparingInt(Word::start));
        return words;
    }

    // ---- proposals -------------------------------------------------------------------------------------------------

    /** A sentence: from a capital after . ! ? or a line break, to the next such end. */
    record Span(int start, int end) {
        boolean holds(int at) {
            return at >= start && at < end;
        }
    }

    static List<Span> sentences(String text) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n'
                    || (c == '.' || c == '!' || c == '?') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))
                            && nextLetterIsCapital(text, i + 1);
            if (end || i == text.length() - 1) {
                int stop = c == '\n' ? i : i + 1;
                // a closing quote mark belongs to the sentence it ends
                while (stop < text.length() && "\"”’'".indexOf(text.charAt(stop)) >= 0) {
                    stop++;
                }
                addTrimmed(spans, text, start, stop);
                start = stop;
            }
        }
        return spans;
    }

    private static boolean nextLetterIsCapital(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.isUpperCase(c) || Character.isDigit(c) || !Character.isLowerCase(c);
            }
            if (!Character.isWhitespace(c) && "\"“‘'(".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void addTrimmed(List<Span> spans, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }

    private static final int LONGEST_QUOTE = 600;

    private static List<Proposal> propose(Connection connection, String text, List<Mention> mentions,
            List<DateMention> dates, List<Word> words, List<ActorMention> actors) throws SQLException {
        List<Proposal> proposals = new ArrayList<>();
        for (Span sentence : sentences(text)) {
            List<Word> said = words.stream().filter(w -> sentence.holds(w.start)).toList();
            if (said.isEmpty()) {
                continue;
            }
            Set<String> proposed = new HashSet<>();
            for (Mention m : mentions) {
                // "Palmyra's former antiquities director" is about the director, not the place
                boolean possessive = m.text.endsWith("'s") || m.text.endsWith("’s");
                if (!sentence.holds(m.start) || possessive || !proposed.add(m.place)) {
                    continue;
                }
                Span clause = clause(text, sentence, m.start);
                Word word = nearest(said, clause, m.start, Word::start);
                DateMention date = nearest(dates.stream().filter(d -> sentence.holds(d.start)).toList(), clause, m.start,
                        DateMention::start);
                ActorMention actor = nearest(actors.stream().filter(a -> sentence.holds(a.start)).toList(), sentence,
                        m.start, ActorMention::start);
                Span quote = sentence.end - sentence.start <= LONGEST_QUOTE ? sentence : clause;
                String quoted = text.substring(quote.start, Math.min(quote.end, quote.start + LONGEST_QUOTE));
                String[] event = event(connection, m.place, word.capture, date == null ? null : date.edtf);
                proposals.add(new Proposal(m.place, m.name, event == null ? null : event[0], event == null ? null : event[1],
                        date == null ? null : date.edtf, word.severity, actor == null ? null : actor.actor,
                        actor == null ? null : actor.text, quoted, quote.start, quote.start + quoted.length(), word.capture,
                        word.causeType));
            }
        }
        return proposals;
    }

    /** The part of the sentence between semicolons that holds {@code at}. */
    private static Span clause(String text, Span sentence, int at) {
        int start = text.lastIndexOf(';', at);
        int end = text.indexOf(';', at);
        return new Span(Math.max(sentence.start, start + 1), end < 0 || end > sentence.end ? sentence.end : end);
    }

    /** Of the items in the sentence, the nearest to {@code at}, preferring one in the same clause. */
    private static <T> T nearest(List<T> items, Span clause, int at, java.util.function.ToIntFunction<T> position) {
        Comparator<T> byDistance = Comparator.comparingInt(t -> Math.abs(position.applyAsInt(t) - at));
        return items.stream().filter(t -> clause.holds(position.applyAsInt(t))).min(byDistance)
                .orElseGet(() -> items.stream().min(byDistance).orElse(null));
    }

    /**
     * The recorded event this claim is most likely about: an event of the place whose cause fits (a capture, or
     * damage) and one of whose claims gives a window overlapping the claim's date; without a date, the only event of the
     * place whose cause fits. Slug and summary, or null.
     */
    private static String[] event(Connection connection, String place, boolean capture, String edtf) throws SQLException {
        org.athar.time.UncertainDate date = edtf == null ? null : org.athar.time.UncertainDate.parse(edtf);
        try (PreparedStatement s = connection.prepareStatement("""
                select e.slug, e.summary,
                       ? ::date is null or exists (select 1 from claim c where c.event_id = e.id
                           and c.date_range && daterange(?::date, ?::date, '[]')) as overlaps
                from damage_event e join damage_event_place dp on dp.event_id = e.id join place p on p.id = dp.place_id
                where p.slug = ? and (e.cause_type is null or (e.cause_type = 'OCCUPATION_CONTINUED_USE') = ?)
                order by e.id""")) {
            java.sql.Date first = date == null || date.earliest == null ? null : java.sql.Date.valueOf(date.earliest);
            java.sql.Date last = date == null || date.latest == null ? null : java.sql.Date.valueOf(date.latest);
            s.setObject(1, first == null && last == null ? null : first != null ? first : last, java.sql.Types.DATE);
            s.setObject(2, first, java.sql.Types.DATE);
            s.setObject(3, last, java.sql.Types.DATE);
            s.setString(4, place);
            s.setBoolean(5, capture);
            List<String[]> fitting = new ArrayList<>();
            int all = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all++;
                    if (rs.getBoolean(3)) {
                        fitting.add(new String[] { rs.getString(1), rs.getString(2) });
                    }
                }
            }
            if (date == null) {
                return all == 1 ? fitting.get(0) : null;
            }
            return fitting.isEmpty() ? null : fitting.get(0);
        }
    }
}
