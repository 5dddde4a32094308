package fr.vigie.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.config.KioskFleetSettings;
import fr.vigie.config.Setting;
import fr.vigie.hub.audit.AuditCategory;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsolePageTest {
    /** Every console page, by template. */
    private static final List<String> PAGES = List.of("devices", "device", "enrolments", "configuration", "audit",
            "vigilance", "staff", "gam", "sso", "accounts", "signin");

    private final ConsolePage page = new ConsolePage();

    @Test
    void languageIsFrenchUnlessEnglishWasChosen() {
        assertEquals(Locale.FRENCH, ConsolePage.choose(null));
        assertEquals(Locale.FRENCH, ConsolePage.choose("xx"));
        assertEquals(Locale.FRENCH, ConsolePage.choose(""));
        assertEquals(Locale.FRENCH, ConsolePage.choose("fr"));
        assertEquals(Locale.ENGLISH, ConsolePage.choose("en"));
        assertEquals(Locale.ENGLISH, ConsolePage.choose(" EN "));
    }

    @Test
    void auditPageOffersTheCategoriesInItsLanguage() {
        ConsolePage audit = new ConsolePage("audit");
        String fr = audit.html(Locale.FRENCH);
        assertTrue(fr.contains("<select id=\"filter-category\">"), fr);
        assertTrue(fr.contains("<option value=\"\">Toutes</option>"), fr);
        assertTrue(fr.contains("<option value=\"signins\">Connexions</option>"), fr);
        assertTrue(fr.contains("<option value=\"enrolment\">Enrôlement des postes</option>"), fr);
        String en = audit.html(Locale.ENGLISH);
        assertTrue(en.contains("<option value=\"signins\">Sign-ins</option>"), en);
        assertTrue(en.contains("<option value=\"identities\">Patient identities</option>"), en);
        for (AuditCategory c : AuditCategory.values()) {
            assertTrue(fr.contains("<option value=\"" + c.id() + "\">"), c.id());
            assertFalse(c.actions().isEmpty(), c.id());
        }
    }

    @Test
    void configurationPageIsAFormOfEveryFleetSettingInItsLanguage() {
        ConsolePage configuration = new ConsolePage("configuration");
        String fr = configuration.html(Locale.FRENCH).replace("&#39;", "'");
        String en = configuration.html(Locale.ENGLISH).replace("&#39;", "'");
        for (Setting s : KioskFleetSettings.ALL) {
            assertTrue(fr.contains("data-key=\"" + s.key() + "\""), s.key());
            assertTrue(fr.contains(">" + s.label().fr() + "</label>"), s.key());
            assertTrue(en.contains(">" + s.label().en() + "</label>"), s.key());
        }
        assertTrue(fr.contains("min=\"15\" max=\"3600\" value=\"300\""), fr);
        assertTrue(fr.contains("Par défaut : 300 s · limites : 15 – 3600 s"), fr);
        assertTrue(en.contains("Default: 300 s · bounds: 15 – 3600 s"), en);
        assertTrue(fr.contains("<summary>Vue avancée : JSON</summary>"), fr);
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertEquals(ConsolePage.bundle(Locale.FRENCH).keySet(), ConsolePage.bundle(Locale.ENGLISH).keySet());
    }

    @Test
    void frenchPageCarriesTheStableSelectorsAndItsTexts() throws Exception {
        String html = page.html(Locale.FRENCH);

        assertTrue(html.contains("<html lang=\"fr\">"));
        assertTrue(html.contains("<table id=\"devices\">"));
        assertTrue(html.contains("<th scope=\"col\" class=\"number\">File d'attente</th>"), html);
        assertTrue(html.contains("Dernier signe de vie"));
        JsonNode texts = scriptTexts(html);
        assertEquals("En ligne", texts.get("online").asText());
        assertEquals("Hors ligne", texts.get("offline").asText());
        assertEquals("fr", texts.get("locale").asText());
    }

    @Test
    void englishPageIsInEnglish() throws Exception {
        String html = page.html(Locale.ENGLISH);

        assertTrue(html.contains("<html lang=\"en\">"));
        assertEquals("Online", scriptTexts(html).get("online").asText());
        assertTrue(html.contains("Last sign of life"));
        assertTrue(html.contains("href=\"?lang=fr\""));
    }

    @Test
    void everyPageSharesTheHeadHeaderAndNavigationOfTheLayout() {
        for (String name : PAGES) {
            for (Locale lang : ConsolePage.LANGUAGES) {
                String html = new ConsolePage(name).html(lang);
                assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"" + lang.getLanguage() + "\">"), name);
                assertTrue(html.contains("<link rel=\"stylesheet\" href=\"console.css\">"), name);
                assertTrue(html.contains("<script src=\"" + (name.equals("devices") ? "console" : name) + ".js\" defer></script>"), name);
                assertTrue(html.contains("<body data-page=\"" + name + "\">"), name);
                assertTrue(html.contains("id=\"lang-switch\""), name);
                assertEquals(!name.equals("signin"), html.contains("id=\"signout\""), name);
                assertEquals(!name.equals("signin"), html.contains("<script src=\"common.js\" defer></script>"), name);
            }
        }
        assertTrue(new ConsolePage("vigilance").html(Locale.FRENCH).contains(">Journal d'audit</a>"));
        assertTrue(new ConsolePage("device").html(Locale.FRENCH).contains("<h1>Borne <span id=\"device-name\"></span></h1>"));
    }

    @Test
    void theGamPageAndTheVigilanceMergeColumnKeepTheirSelectors() {
        String gam = new ConsolePage("gam").html(Locale.FRENCH);
        String vigilance = new ConsolePage("vigilance").html(Locale.FRENCH);

        assertTrue(gam.contains("<h1>Flux d'identités vers le GAM</h1>"), gam);
        for (String id : List.of("feed-state", "feed-connection", "feed-last-delivered", "feed-last-error", "failed-empty",
                "waiting-empty", "summary", "action-result")) {
            assertTrue(gam.contains(" id=\"" + id + "\""), id);
        }
        for (String table : List.of("failed", "waiting", "delivered")) {
            assertTrue(gam.contains("<table id=\"" + table + "\">"), table);
        }
        assertTrue(gam.contains("<th scope=\"col\" class=\"admin-only\">Action</th>"), gam);
        assertTrue(gam.contains("<a href=\"/gam\" data-nav=\"gam\">Flux GAM</a>"), "every page links to the GAM page");
        assertTrue(vigilance.contains("<th scope=\"col\" class=\"admin-only\">Fusion (doublon)</th>"), vigilance);
    }

    @Test
    void textsAreEscapedWhereTheyLand() throws Exception {
        ResourceBundle hostile = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                Object[][] fr = toArray(ConsolePage.bundle(Locale.FRENCH));
                for (Object[] entry : fr) {
                    if (entry[0].equals("staff.heading") || entry[0].equals("js.online")) {
                        entry[1] = "<script>alert(1)</script> & \"x\"";
                    }
                }
                return fr;
            }
        };

        String html = ConsolePage.render("staff", new ConsoleTexts(hostile, Locale.FRENCH));

        assertTrue(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\"</h1>"), html);
        assertFalse(html.contains("<script>alert"), html);
        assertEquals("<script>alert(1)</script> & \"x\"", scriptTexts(html).get("online").asText(),
                "the script's texts stay intact as JSON, without leaving their attribute");
    }

    @Test
    void aMissingTextFailsTheRendering() {
        ResourceBundle empty = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[0][];
            }
        };
        assertThrows(RuntimeException.class, () -> ConsolePage.render("staff", new ConsoleTexts(empty, Locale.FRENCH)));
    }

    /** The JSON of the page's {@code <meta id="i18n">}, as a browser reads the attribute. */
    private static JsonNode scriptTexts(String html) throws Exception {
        Matcher m = Pattern.compile("<meta name=\"vigie-texts\" id=\"i18n\" content=\"([^\"]*)\">").matcher(html);
        assertTrue(m.find(), "no i18n meta element");
        assertFalse(m.group(1).contains("<"), "no '<' inside the attribute");
        String json = m.group(1).replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }

    private static Object[][] toArray(ResourceBundle b) {
        return b.keySet().stream().map(k -> new Object[] {k, b.getString(k)}).toArray(Object[][]::new);
    }
}
