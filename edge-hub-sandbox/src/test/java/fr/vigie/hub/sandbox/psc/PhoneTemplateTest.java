package fr.vigie.hub.sandbox.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.testing.TemplatePolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneTemplateTest {
    @Test
    void thePhonePageKeepsTheHtmlRulesOfTheStrictContentSecurityPolicy() {
        assertEquals(List.of("sandbox/insi/identities.jte", "sandbox/psc/phone.jte"), TemplatePolicy.check(Path.of("src/main/jte"), "fr.vigie.hub"));
    }
}
