package fr.vigie.hub.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.testing.TemplatePolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTemplatesTest {
    @Test
    void everyConsoleTemplateKeepsTheHtmlRulesOfTheStrictContentSecurityPolicy() {
        List<String> checked = TemplatePolicy.check(Path.of("src/main/jte"), "fr.vigie.hub");

        assertTrue(checked.containsAll(List.of("web/layout.jte", "web/table.jte", "web/devices.jte", "web/signin.jte", "web/gam.jte")),
                checked.toString());
    }
}
