package fr.vigie.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.config.KioskSettingsCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KioskSettingsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void kioskSettingsPrintsEveryKeyWithWhereItIsSetInFrenchFirst() {
        int status = run("settings");

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        for (String key : KioskSettingsCatalogue.CATALOGUE.keys()) {
            assertTrue(text.contains("\n" + key + "  ["), key);
        }
        assertTrue(text.contains("kiosk.session.idle-lock-seconds  [déployable par le hub (une valeur déployée remplace"
                + " celle du fichier local)]\n  Verrouillage après inactivité — "), text);
        assertTrue(text.contains("  défaut : 300 s · limites : 15–3600 s\n"), text);
        assertTrue(text.contains("kiosk.gpio.buzzer  [fichier local seulement]"), text);
    }

    @Test
    void langEnPrintsItInEnglish() {
        assertEquals(0, run("settings", "--lang=en"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("kiosk.session.idle-lock-seconds  [may be rolled out by"
                + " the hub (a rolled-out value overrides the local file's)]\n  Idle lock — No touch for this long locks an"
                + " open session.\n  default: 300 s · bounds: 15–3600 s\n"), out.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return KioskMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
