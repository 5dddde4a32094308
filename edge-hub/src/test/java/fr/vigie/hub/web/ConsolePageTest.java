package fr.vigie.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ConsolePageTest {
    private final ConsolePage page = new ConsolePage();

    @Test
    void frenchIsTheDefaultAndTheFallback() {
        assertEquals(Locale.FRENCH, ConsolePage.choose(null, null));
        assertEquals(Locale.FRENCH, ConsolePage.choose(null, "de-DE,de;q=0.9"));
        assertEquals(Locale.FRENCH, ConsolePage.choose("xx", "garbage;;;q=abc"));
    }

    @Test
    void englishOnRequestOrByAcceptLanguage() {
        assertEquals(Locale.ENGLISH, ConsolePage.choose("en", "fr-FR"));
        assertEquals(Locale.ENGLISH, ConsolePage.choose(null, "en-GB,en;q=0.9,fr;q=0.5"));
        assertEquals(Locale.FRENCH, ConsolePage.choose(null, "fr-CA,en;q=0.5"));
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertEquals(ConsolePage.bundle(Locale.FRENCH).keySet(), ConsolePage.bundle(Locale.ENGLISH).keySet());
    }

    @Test
    void frenchPageCarriesTheStableSelectorsAndItsTexts() {
        String html = page.html(Locale.FRENCH);

        assertTrue(html.contains("<html lang=\"fr\">"));
        assertTrue(html.contains("<table id=\"devices\">"));
        assertTrue(html.contains("\"online\":\"En ligne\""), html);
        assertTrue(html.contains("\"offline\":\"Hors ligne\""), html);
        assertTrue(html.contains("Dernier signe de vie"));
        assertTrue(html.contains("File d&#39;attente"), "texts are HTML-escaped");
        assertFalse(html.contains("{{"), "every placeholder is filled");
    }

    @Test
    void englishPageIsInEnglish() {
        String html = page.html(Locale.ENGLISH);

        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("\"online\":\"Online\""));
        assertTrue(html.contains("Last sign of life"));
        assertTrue(html.contains("href=\"?lang=fr\""));
    }

    @Test
    void missingTextFailsAtRendering() {
        ResourceBundle fr = ConsolePage.bundle(Locale.FRENCH);
        assertThrows(IllegalStateException.class, () -> ConsolePage.render("{{no.such.key}}", fr, Locale.FRENCH));
    }

    @Test
    void scriptTextsCannotCloseTheScriptElement() {
        assertEquals("\"\\u003c/script\\u003e\"", ConsolePage.jsonString("</script>"));
    }

    @Test
    void pagesShareTheHeadAndNavigationThroughIncludes() {
        for (String template : new String[] {"console/index.html", "console/vigilance.html"}) {
            String html = new ConsolePage(template).html(Locale.FRENCH);
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"console.css\">"), template);
            assertTrue(html.contains("<script src=\"common.js\" defer></script>"), template);
            assertTrue(html.contains("id=\"signout\""), template);
            assertTrue(html.contains(">Journal d&#39;audit</a>"), template);
            assertFalse(html.contains("{{"), template);
        }
        assertThrows(IllegalStateException.class, () -> ConsolePage.includes("{{>no-such-part}}"));
    }
}
