package fr.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/SETTINGS.md is what the code generates: the reference cannot drift from the settings the readers accept. */
class SettingsDocTest {
    private static final Path FILE = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("SETTINGS.md");

    @Test
    void theCheckedInSettingsReferenceIsTheOneTheCodeGenerates() throws Exception {
        String generated = SettingsDoc.markdown();
        if (Boolean.getBoolean("vigie.settings.write")) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";

        assertThat(checkedIn).as(FILE + " differs from the settings catalogues; write it again from the repository's"
                + " root with:\n  " + SettingsDoc.REGENERATE + "\n").isEqualTo(generated);
        assertThat(generated).contains("`kiosk.session.idle-lock-seconds`", "`hub.insi.endpoint`",
                "| `idleLockSeconds` | `kiosk.session.idle-lock-seconds` |");
    }
}
