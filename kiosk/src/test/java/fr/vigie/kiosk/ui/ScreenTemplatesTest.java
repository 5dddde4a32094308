package fr.vigie.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.testing.TemplatePolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenTemplatesTest {
    @Test
    void everyScreenTemplateKeepsTheHtmlRulesOfTheStrictContentSecurityPolicy() {
        List<String> checked = TemplatePolicy.check(Path.of("src/main/jte"), "fr.vigie.kiosk");

        assertTrue(checked.containsAll(List.of("ui/shell.jte", "ui/button.jte", "session/ui/pin.jte",
                "admission/identity.jte", "ecps/identifier.jte", "enrol/waiting.jte", "demo/controls.jte", "ui/screen.jte")), checked.toString());
    }
}
