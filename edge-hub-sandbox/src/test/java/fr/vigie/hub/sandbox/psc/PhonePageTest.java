package fr.vigie.hub.sandbox.psc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhonePageTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final PhonePage page = new PhonePage(clock, new SecureRandom());

    @Test
    void namesAreEscapedAndTheBindingMessageIsShown() throws Exception {
        SandboxProfessional evil = new SandboxProfessional(IdNatPs.parse("810099900010"), "s", "doctor",
                "<script>alert(1)</script>", "O'HARA & \"FILS\"", new ObjectMapper().createObjectNode());
        SandboxProfessional nurse = SandboxProfessionals.bundled().byRole("nurse");
        String html = page.render(List.of(new CibaLedger.Pending("r1", evil, "42", "CARD", clock.instant())), "/d",
                List.of(nurse, evil));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("Demande de connexion pour &lt;script&gt;alert(1)&lt;/script&gt; O'HARA &amp; \"FILS\" "
                + "(810099900010), canal CARD.</p>"), html);
        assertTrue(html.contains("<strong class=\"code\">42</strong>"), html);
        assertTrue(html.contains("<option value=\"810099900010\" selected>&lt;script&gt;"), "the card asked for is chosen: " + html);
        assertTrue(html.contains("<option value=\"" + nurse.idNatPs().value() + "\">"), html);
    }

    @Test
    void thePhoneIsStyledByTheSandboxStylesheetWithoutInlineStyle() {
        SandboxProfessional nurse = SandboxProfessionals.bundled().byRole("nurse");
        String html = page.render(List.of(new CibaLedger.Pending("r1", nurse, "07", "MOBILE", clock.instant())), "/d");
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), html);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/sandbox/sandbox.css\">"), html);
        assertTrue(html.contains("<body class=\"phone\">"), html);
        assertTrue(html.contains("<button name=\"decision\" value=\"approve\" class=\"approve\">Accepter</button>"), html);
        assertFalse(html.contains("style=") || html.contains("<style"), html);
    }

    @Test
    void csrfTokenIsSpentOnceAndExpires() {
        String html = page.render(List.of(), "/d");
        assertTrue(html.contains("Aucune demande"));
        String token = csrf(page.render(List.of(new CibaLedger.Pending("r1",
                SandboxProfessionals.bundled().byRole("nurse"), "11", "MOBILE", clock.instant())), "/d"));
        assertTrue(page.spend(token));
        assertFalse(page.spend(token));
        String later = csrf(page.render(List.of(new CibaLedger.Pending("r2",
                SandboxProfessionals.bundled().byRole("nurse"), "12", "MOBILE", clock.instant())), "/d"));
        clock.advance(Duration.ofMinutes(11));
        assertFalse(page.spend(later));
        assertFalse(page.spend(null));
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }
}
