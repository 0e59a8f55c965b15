package org.athar.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A source's full text as a curator gives it: pasted, or read from an uploaded file (plain text in UTF-8, an HTML
 * page, whose navigation, headers, footers, scripts and forms are dropped and whose article, or else body, is kept as
 * paragraphs, or a PDF document's text, read by Apache PDFBox). Anything else is refused with a message saying why.
 */
public record FullText(String body, String mediaType) {

    /** A pasted text: HTML when it looks like a page or a fragment of one, else plain text. */
    public static FullText pasted(String text) {
        String t = text.replace("\r\n", "\n").strip();
        if (t.startsWith("<") && t.matches("(?is).*<(html|body|p|div|article|br)\\b.*")) {
            return html(t);
        }
        return plain(t);
    }

    /** An uploaded file, by its bytes and what its name and type say it is. */
    public static FullText uploaded(byte[] bytes, String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            throw new Refused("The file is empty.", "الملف فارغ.");
        }
        if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return pdf(bytes);
        }
        String text = utf8(bytes);
        if (type.contains("html") || name.endsWith(".html") || name.endsWith(".htm")
                || text.stripLeading().toLowerCase(Locale.ROOT).matches("(?s)(<!doctype html|<html).*")) {
            return html(text);
        }
        return plain(text);
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw notText();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw notText();
        }
    }

    private static Refused notText() {
        return new Refused("The file is not text: give a plain text file (UTF-8), an HTML page or a PDF document.",
                "الملف ليس نصاً: أعطِ ملف نص عادي (UTF-8) أو صفحة HTML أو مستند PDF.");
    }

    private static FullText plain(String text) {
        return checked(text.replace("\r\n", "\n"), "text/plain");
    }

    private static FullText html(String html) {
        Document page = Jsoup.parse(html);
        page.select("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, "
                + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]").remove();
        Element article = page.selectFirst("article");
        Element main = article != null ? article : page.selectFirst("main") != null ? page.selectFirst("main") : page.body();
        StringBuilder text = new StringBuilder();
        for (Element block : main.select("h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, td, pre")) {
            if (block.parents().stream().anyMatch(p -> p != main && p.is("p, li, blockquote, td, pre"))) {
                continue; // its text is in the enclosing block
            }
            String line = block.text().strip();
            if (!line.isEmpty()) {
                text.append(line).append("\n\n");
            }
        }
        return checked(text.isEmpty() ? main.wholeText() : text.toString(), "text/html");
    }

    private static FullText pdf(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new Refused("The PDF is encrypted: give a copy that can be read.", "ملف PDF مشفّر: أعطِ نسخة يمكن قراءتها.");
            }
            return checked(new PDFTextStripper().getText(document), "application/pdf");
        } catch (IOException e) {
            throw new Refused("The file says it is a PDF but cannot be read as one: " + e.getMessage(),
                    "يقول الملف إنه PDF لكن لا يمكن قراءته.");
        }
    }

    private static FullText checked(String text, String mediaType) {
        String body = text.strip();
        if (body.isEmpty()) {
            throw new Refused("The text is empty: there are no words to keep.", "النص فارغ: لا كلمات فيه.");
        }
        if (body.length() > SourceText.MAX_LENGTH) {
            throw new Refused(String.format(Locale.ROOT, "The text is %,d characters long; the registry keeps a source's "
                    + "text up to %,d characters (a long report, not a book).", body.length(), SourceText.MAX_LENGTH),
                    "النص أطول مما يحفظه السجل (" + SourceText.MAX_LENGTH + " حرف).");
        }
        return new FullText(body, mediaType);
    }
}
