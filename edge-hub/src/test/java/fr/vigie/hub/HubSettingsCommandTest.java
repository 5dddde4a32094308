package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSettingsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void hubSettingsPrintsEveryKeyInFrenchFirst() {
        int status = run("settings");

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.startsWith("Réglages de hub ("), text);
        for (String key : HubSettingsCatalogue.CATALOGUE.keys()) {
            assertTrue(text.contains("\n" + key + "  ["), key);
        }
        assertTrue(text.contains("hub.audit.anchor-seconds  [fichier local seulement]\n  Ancrage du journal d'audit — "), text);
        assertTrue(text.contains("  défaut : 300 s · limites : 10–86400 s\n"), text);
    }

    @Test
    void langEnPrintsItInEnglish() {
        int status = run("settings", "--lang", "en");

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status);
        assertTrue(text.contains("hub.insi.max-attempts  [local file only]\n  INSi attempts — Attempts of an INSi call"), text);
        assertTrue(text.contains("  default: 3 · bounds: 1–5\n"), text);
    }

    @Test
    void anUnknownArgumentIsAUsageErrorInFrench() {
        assertEquals(2, run("settings", "--lang", "de"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("argument inconnu « --lang »"), err.toString());
        assertEquals(0, out.size());
    }

    @Test
    void anyOtherCommandLineIsNotTheSettingsCommand() {
        assertTrue(HubMain.settingsCommand(new String[] {"--http-port", "0"}, print(out), print(err)).isEmpty());
    }

    private int run(String... args) {
        return HubMain.settingsCommand(args, print(out), print(err)).orElseThrow();
    }

    private static PrintStream print(ByteArrayOutputStream to) {
        return new PrintStream(to, true, StandardCharsets.UTF_8);
    }
}
