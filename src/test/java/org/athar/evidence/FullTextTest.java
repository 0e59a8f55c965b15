package org.athar.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class FullTextTest {

    @Test
    void anHtmlPageKeepsItsArticleAsParagraphsWithoutItsChrome() {
        FullText text = FullText.uploaded(("<!doctype html><html><head><title>T</title><script>var x;</script></head><body>"
                + "<header>Site name</header><nav><a>Home</a> <a>World</a></nav><article><h1>Arch blown up</h1>"
                + "<p>Militants blew up the <b>Monumental Arch</b> on Sunday.</p><p>It had stood for 2,000 years.</p>"
                + "</article><aside>Most read</aside><footer>© News</footer></body></html>").getBytes(StandardCharsets.UTF_8),
                "page.html", "text/html");
        assertEquals("text/html", text.mediaType());
        assertEquals("Arch blown up\n\nMilitants blew up the Monumental Arch on Sunday.\n\nIt had stood for 2,000 years.",
                text.body());
        assertEquals(text.body(), FullText.pasted("<p>Militants</p>").mediaType().equals("text/html")
                ? text.body() : "pasted HTML is stripped too");
    }

    @Test
    void aPdfDocumentsTextIsRead() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The Temple of Bel was destroyed on 30 August 2015.");
                content.endText();
            }
            document.save(pdf);
        }
        FullText text = FullText.uploaded(pdf.toByteArray(), "report.pdf", "application/pdf");
        assertEquals("application/pdf", text.mediaType());
        assertEquals("The Temple of Bel was destroyed on 30 August 2015.", text.body());
        assertTrue(QuoteAnchor.isIn(text.body(), "The Temple of Bel was destroyed on 30 August 2015."));
    }

    @Test
    void whatIsNotTextOrIsEmptyOrTooLongIsRefusedSayingWhy() {
        assertTrue(assertThrows(Refused.class, () -> FullText.uploaded(new byte[] { (byte) 0xff, (byte) 0xd8, 0, 1 },
                "photo.jpg", "image/jpeg")).getMessage().startsWith("The file is not text"));
        assertTrue(assertThrows(Refused.class, () -> FullText.uploaded("%PDF-1.4 broken".getBytes(StandardCharsets.UTF_8),
                "x.pdf", null)).getMessage().contains("cannot be read as one"));
        assertTrue(assertThrows(Refused.class, () -> FullText.pasted("   \n  ")).getMessage().contains("empty"));
        assertTrue(assertThrows(Refused.class, () -> FullText.pasted("word ".repeat(250_000)))
                .getMessage().contains("characters long"));
        Refused arabic = assertThrows(Refused.class, () -> FullText.uploaded(new byte[] { 0 }, "x", null));
        assertFalse(arabic.message(java.util.Locale.forLanguageTag("ar")).isBlank());
    }
}
