package fr.vigie.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatePolicyTest {
    @TempDir
    Path dir;

    private List<String> check(String template) throws Exception {
        Files.createDirectories(dir.resolve("ui"));
        Files.writeString(dir.resolve("ui/part.jte"), "@param String x\n<span class=\"part\">${x}</span>\n");
        Files.writeString(dir.resolve("page.jte"), "@param String x\n" + template + "\n");
        return TemplatePolicy.check(dir, "fr.vigie.testing.templates");
    }

    @Test
    void aTemplateKeepingTheRulesPassesAndEveryTemplateIsChecked() throws Exception {
        List<String> checked = check("<p id=\"who\" class=\"who\" data-value=\"${x}\" hidden>${x} @template.ui.part(x = x)</p>");

        assertEquals(List.of("page.jte", "ui/part.jte"), checked);
    }

    @Test
    void aValueWrittenWithoutEscapingIsRefusedWithItsTemplateAndLine() {
        AssertionError unsafe = assertThrows(AssertionError.class, () -> check("<h1>title</h1>\n<p>$unsafe{x}</p>"));
        AssertionError inScript = assertThrows(AssertionError.class,
                () -> check("<script type=\"application/json\">$unsafe{x}</script>"));

        assertTrue(unsafe.getMessage().startsWith("page.jte:3: "), unsafe.getMessage());
        assertTrue(inScript.getMessage().startsWith("page.jte:2: "), inScript.getMessage());
    }

    @Test
    void inlineEventHandlersAndInlineStylesAreRefused() {
        TemplateException handler = assertThrows(TemplateException.class, () -> check("<button onclick=\"go()\">${x}</button>"));
        TemplateException style = assertThrows(TemplateException.class, () -> check("<p style=\"color: red\">a</p>"));
        TemplateException element = assertThrows(TemplateException.class, () -> check("<style>p { color: red }</style>"));

        assertTrue(handler.getMessage().contains("page.jte") && handler.getMessage().contains("onclick"), handler.getMessage());
        assertTrue(style.getMessage().contains("style attribute"), style.getMessage());
        assertTrue(element.getMessage().contains("<style>"), element.getMessage());
    }

    @Test
    void attributeValuesAreDoubleQuotedAndNamesFixed() {
        TemplateException unquoted = assertThrows(TemplateException.class, () -> check("<p class=${x}>a</p>"));
        TemplateException singleQuoted = assertThrows(TemplateException.class, () -> check("<p class='${x}'>a</p>"));
        TemplateException nameFromValue = assertThrows(TemplateException.class, () -> check("<p ${x}=\"a\">a</p>"));
        TemplateException upperCase = assertThrows(TemplateException.class, () -> check("<P CLASS=\"a\">${x}</P>"));

        assertTrue(unquoted.getMessage().contains("Unquoted HTML attribute values are not allowed: class"), unquoted.getMessage());
        assertTrue(singleQuoted.getMessage().contains("must be double quoted: class"), singleQuoted.getMessage());
        assertTrue(nameFromValue.getMessage().contains("page.jte"), nameFromValue.getMessage());
        assertTrue(upperCase.getMessage().toLowerCase().contains("lowercase"), upperCase.getMessage());
    }
}
