package org.athar.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.athar.history.Revisions.Revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.qute.TemplateData;

/**
 * How to cite a record's page: its title, what kind of record it is, the revision shown and the permanent address that
 * reproduces it ({@code ?rev=N}), and the day it was read. Given as plain text (Chicago style for web pages), BibTeX
 * (biblatex's {@code @online} fields, which BibTeX's {@code @misc} also reads) and CSL-JSON (for Zotero, Pandoc and
 * every CSL processor).
 */
@TemplateData
public record Citation(String title, String kind, String base, String path, Revision revision, LocalDate accessed) {

    public static final String REGISTRY = "Athar heritage damage registry";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The formats, by the name {@code ?format=} takes, with their media types. */
    public enum Format {
        TEXT("text/plain; charset=UTF-8"), BIBTEX("application/x-bibtex; charset=UTF-8"),
        CSL("application/vnd.citationstyles.csl+json");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** The address that shows this revision, whatever changes later. */
    public String permanentUrl() {
        return base + permanentPath();
    }

    public String permanentPath() {
        return path + "?rev=" + revision.number();
    }

    /** The day the revision was made, or the day it is read when the registry has no change yet. */
    private LocalDate issued() {
        return revision.madeAt() == null ? accessed : revision.madeAt().toLocalDate();
    }

    public String render(Format format) {
        return switch (format) {
            case TEXT -> text();
            case BIBTEX -> bibtex();
            case CSL -> csl();
        };
    }

    public String text() {
        return "“" + title + ".” " + REGISTRY + ", " + kind.toLowerCase(Locale.ROOT) + ", revision " + revision.number() + ", "
                + DAY.format(issued()) + ". " + permanentUrl() + " (accessed " + DAY.format(accessed) + ").";
    }

    public String bibtex() {
        String key = "athar-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-r" + revision.number();
        LocalDate issued = issued();
        return "@misc{" + key + ",\n"
                + "  title = {" + bib(title) + "},\n"
                + "  author = {{" + REGISTRY + "}},\n"
                + "  year = {" + issued.getYear() + "},\n"
                + "  month = {" + issued.getMonthValue() + "},\n"
                + "  howpublished = {\\url{" + permanentUrl() + "}},\n"
                + "  url = {" + permanentUrl() + "},\n"
                + "  urldate = {" + accessed + "},\n"
                + "  version = {" + revision.number() + "},\n"
                + "  note = {" + bib(kind) + ", revision " + revision.number() + ". Accessed " + accessed + "}\n"
                + "}\n";
    }

    public String csl() {
        LocalDate issued = issued();
        try {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "athar" + path.replace('/', '-') + "-r" + revision.number());
            item.put("type", "webpage");
            item.put("title", title);
            item.put("genre", kind);
            item.put("container-title", REGISTRY);
            item.put("publisher", "Athar");
            item.put("URL", permanentUrl());
            item.put("version", Long.toString(revision.number()));
            item.put("issued", Map.of("date-parts", List.of(List.of(issued.getYear(), issued.getMonthValue(), issued.getDayOfMonth()))));
            item.put("accessed", Map.of("date-parts", List.of(List.of(accessed.getYear(), accessed.getMonthValue(), accessed.getDayOfMonth()))));
            return JSON.writeValueAsString(List.of(item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text in a BibTeX field: its special characters escaped (non-ASCII letters stay, as biber and BibTeX 8 read UTF-8). */
    private static String bib(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
