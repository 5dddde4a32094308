package fr.vigie.hub.sandbox.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.sandbox.web.SandboxStylesheet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentitiesPageTest {
    private static final Pattern ROW = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)"
            + "</td><td>([^<]*)</td><td class=\"matricule\">([^<]*)</td><td>([^<]*)</td></tr>");

    @Test
    void listsEveryTestIdentityInFrenchWithItsMatriculeMasked() {
        String html = IdentitiesPage.render(SandboxIdentities.builtIn());

        Matcher rows = ROW.matcher(html);
        int count = 0;
        boolean dupont = false;
        while (rows.find()) {
            count++;
            if (rows.group(1).equals("DUPONT") && rows.group(2).equals("MARIE CLAIRE")) {
                dupont = true;
                assertEquals("12/05/1980", rows.group(3));
                assertEquals("Féminin", rows.group(4));
                assertEquals("code commune 75056", rows.group(5));
                assertEquals("2************89", rows.group(6));
                assertEquals("oui", rows.group(7), "on the demo's Vitale card");
            }
            assertTrue(rows.group(6).matches("[12]\\*{12}[0-9]{2}"), rows.group(6));
        }
        assertEquals(SandboxIdentities.builtIn().size(), count, html);
        assertTrue(dupont, html);
        assertTrue(html.contains("code pays 99243"), "a birth abroad is a country code");
        assertFalse(html.contains("280057505612389"), "no full matricule");
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/sandbox/sandbox.css\">"), html);
        assertFalse(html.contains("style="), "no inline style");
    }

    @Test
    void theSandboxServesThePageAndItsStylesheetUnderAStrictContentSecurityPolicy() throws Exception {
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        IdentitiesPage.mount(app, SandboxIdentities.builtIn());
        SandboxStylesheet.mount(app);
        app.start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + IdentitiesPage.PATH)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("CASANOVA"), page.body());
            assertEquals("default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'",
                    page.headers().firstValue("Content-Security-Policy").orElse(""));
            HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                    + SandboxStylesheet.PATH)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, css.statusCode());
            assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
            assertTrue(css.body().contains(".demande"), "the phone page's look is in it");
        } finally {
            app.stop();
        }
    }
}
