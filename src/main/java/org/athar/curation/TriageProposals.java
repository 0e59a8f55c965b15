package org.athar.curation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.athar.evidence.FullText;
import org.athar.triage.Triage;
import org.athar.web.BadParameterException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * From a new article to draft claims: a curator pastes or uploads an article with its publisher and day of
 * publication; Athar shows it with the places, dates, damage words and actors it finds marked, and proposes the claims
 * it makes; the curator accepts, edits or rejects each, and the accepted ones become one draft for review (the article
 * a new source, with its full text kept for checking quotes).
 */
@Path("/curate/triage")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class TriageProposals {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance triage(Article article, List<Paragraph> paragraphs, List<Row> rows,
                Map<String, String> problems, CurationResource.Choices choices, String comment);
    }

    /** The article as given: what becomes the new source. */
    public record Article(String title, String publisher, String publishedOn, String url, String unlocatableReason,
            String text) {
        static final Article EMPTY = new Article("", "", "", "", "", "");

        SourceForm source() {
            return new SourceForm("NEWS_REPORT", title, publisher, "", publishedOn, url, "en", "UNASSESSED", "",
                    new SourceForm.Locators("", "", "", "", "", unlocatableReason, ""), text, "text/plain");
        }
    }

    /** A piece of the article: plain, or marked as a place (with its page), a date (with its EDTF), damage or an actor. */
    public record Segment(String text, String kind, String href, String title) {
    }

    public record Paragraph(List<Segment> segments) {
    }

    /** A proposed claim in the form: accepted or not, every field editable. */
    public record Row(int index, boolean accepted, String placeName, String eventSummary, TriageForm.TriageClaim claim) {
        /** The form field of this row: "place.3". */
        public String name(String field) {
            return field + "." + index;
        }
    }

    public static class ArticleFields {
        @FormParam("title") String title;
        @FormParam("publisher") String publisher;
        @FormParam("publishedOn") String publishedOn;
        @FormParam("url") String url;
        @FormParam("unlocatableReason") String unlocatableReason;
        @FormParam("text") String text;
        @RestForm("textFile") FileUpload textFile;
    }

    @Inject
    Triage triage;

    @Inject
    Drafting drafting;

    @GET
    public TemplateInstance form() {
        return Templates.triage(Article.EMPTY, null, null, Map.of(), CurationResource.Choices.ALL, "");
    }

    /** Reads the article and shows what Athar finds in it, with the claims it proposes; nothing is saved. */
    @POST
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Transactional
    public Response analyse(@BeanParam ArticleFields fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        FullText full = Forms.fullText(problems, "text", fields.text, fields.textFile);
        Article article = new Article(orEmpty(fields.title), orEmpty(fields.publisher), orEmpty(fields.publishedOn),
                orEmpty(fields.url), orEmpty(fields.unlocatableReason), full == null ? orEmpty(fields.text) : full.body());
        if (full == null && !problems.containsKey("text")) {
            problems.put("text", Forms.say().problem_triage_text());
        }
        Triage.Analysis analysis = problems.isEmpty() ? read(article, problems) : null;
        if (analysis == null) {
            return Response.status(400).entity(Templates.triage(article, null, null, problems, CurationResource.Choices.ALL, ""))
                    .build();
        }
        List<Row> rows = new ArrayList<>();
        for (Triage.Proposal p : analysis.proposals()) {
            rows.add(new Row(rows.size(), true, p.placeName(), p.eventSummary(), new TriageForm.TriageClaim(p.place(),
                    p.event() == null ? "" : p.event(), p.event() == null ? summary(p) : "",
                    p.causeType() == null ? "" : p.causeType().name(), p.edtf() == null ? "" : p.edtf(),
                    p.severity() == null ? "" : p.severity().name(), p.actorWords() == null ? "" : p.actorWords(),
                    p.quote(), "MEDIUM", "REPORTED")));
        }
        return Response.ok(Templates.triage(article, paragraphs(article.text(), analysis), rows, Map.of(),
                CurationResource.Choices.ALL, "")).build();
    }

    /** The accepted claims, as edited, become one draft; a problem shows the page again with the field marked. */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response accept(MultivaluedMap<String, String> form) throws JsonProcessingException {
        Article article = new Article(first(form, "title"), first(form, "publisher"), first(form, "publishedOn"),
                first(form, "url"), first(form, "unlocatableReason"), first(form, "text"));
        List<Row> rows = new ArrayList<>();
        List<TriageForm.TriageClaim> accepted = new ArrayList<>();
        List<String> ticked = form.getOrDefault("accept", List.of());
        for (int i = 0; form.containsKey("place." + i) && i < 500; i++) {
            String n = "." + i;
            TriageForm.TriageClaim claim = new TriageForm.TriageClaim(first(form, "place" + n), first(form, "event" + n),
                    first(form, "summary" + n), first(form, "causeType" + n), first(form, "date" + n),
                    first(form, "severity" + n), first(form, "actor" + n), first(form, "quote" + n),
                    first(form, "certainty" + n), first(form, "verification" + n));
            boolean on = ticked.contains(Integer.toString(i));
            rows.add(new Row(i, on, first(form, "placeName" + n), first(form, "eventSummary" + n), claim));
            if (on) {
                accepted.add(claim);
            }
        }
        TriageForm triageForm = new TriageForm(article.source(), accepted);
        CurationResource.Edit edit = new CurationResource.Edit();
        edit.comment = first(form, "comment");
        return drafting.propose(RecordType.TRIAGE, triageForm, triageForm, edit, Forms.say().problem_comment_report(),
                Map.of(), problems -> {
                    Map<String, String> marked = rowProblems(problems, rows);
                    Triage.Analysis analysis = read(article, marked);
                    return Templates.triage(article, analysis == null ? null : paragraphs(article.text(), analysis), rows,
                            marked, CurationResource.Choices.ALL, edit.comment == null ? "" : edit.comment);
                });
    }

    /** The triage of the article, or null with the problem at its field (no day of publication, no date in it). */
    private Triage.Analysis read(Article article, Map<String, String> problems) {
        try {
            return triage.read(article.text(), article.publishedOn());
        } catch (BadParameterException e) {
            problems.putIfAbsent(e.parameter, e.getMessage());
            return null;
        }
    }

    /** Problems of accepted claims are reported by their position among the accepted; the form numbers all rows. */
    private static Map<String, String> rowProblems(Map<String, String> problems, List<Row> rows) {
        List<Integer> acceptedIndexes = rows.stream().filter(Row::accepted).map(Row::index).toList();
        Map<String, String> marked = new LinkedHashMap<>();
        problems.forEach((field, message) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("claims\\[(\\d+)]\\.(\\w+)").matcher(field);
            if (m.matches()) {
                marked.put(m.group(2) + "." + acceptedIndexes.get(Integer.parseInt(m.group(1))), message);
            } else {
                marked.put(field.startsWith("source.") ? field.substring("source.".length()) : field, message);
            }
        });
        return marked;
    }

    /** A summary for a new event: the place and what the text says happened to it. */
    private static String summary(Triage.Proposal p) {
        String what = p.capture() ? "captured" : p.severity() == null ? "damaged"
                : switch (p.severity()) {
                    case DESTROYED -> "destroyed";
                    case SEVERE -> "severely damaged";
                    default -> "damaged";
                };
        return p.placeName() + " " + what + (p.edtf() == null ? "" : " (" + p.edtf() + ")") + ".";
    }

    /** The article in paragraphs, with what triage found marked; where marks overlap the first one read wins. */
    static List<Paragraph> paragraphs(String text, Triage.Analysis analysis) {
        List<Segment> marks = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        analysis.mentions().forEach(m -> add(marks, spans, m.start(), m.end(), new Segment(m.text(), "place", m.path(), m.name())));
        analysis.dates().forEach(d -> add(marks, spans, d.start(), d.end(), new Segment(d.text(), "date", null, "EDTF " + d.edtf())));
        analysis.actors().forEach(a -> add(marks, spans, a.start(), a.end(), new Segment(a.text(), "actor", "/actors/" + a.actor(), null)));
        analysis.words().forEach(w -> add(marks, spans, w.start(), w.end(), new Segment(w.text(), w.capture() ? "capture" : "damage",
                null, w.severity() == null ? null : w.severity().label())));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> spans.get(i)[0]));
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        int at = 0;
        for (int i : order) {
            plain(text.substring(at, spans.get(i)[0]), current, paragraphs);
            current.add(marks.get(i));
            at = spans.get(i)[1];
        }
        plain(text.substring(at), current, paragraphs);
        if (!current.isEmpty()) {
            paragraphs.add(new Paragraph(current));
        }
        return paragraphs;
    }

    private static void add(List<Segment> marks, List<int[]> spans, int start, int end, Segment segment) {
        if (spans.stream().noneMatch(s -> start < s[1] && s[0] < end)) {
            marks.add(segment);
            spans.add(new int[] { start, end });
        }
    }

    /** Plain text, broken into paragraphs at blank lines. */
    private static void plain(String text, List<Segment> current, List<Paragraph> paragraphs) {
        String[] parts = text.split("\\n\\s*\\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0 && !current.isEmpty()) {
                paragraphs.add(new Paragraph(List.copyOf(current)));
                current.clear();
            }
            if (!parts[i].isEmpty()) {
                current.add(new Segment(parts[i], "text", null, null));
            }
        }
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
