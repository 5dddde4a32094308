package fr.vigie.hub.sandbox.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxIdentitiesTest {
    private final SandboxIdentities ids = SandboxIdentities.builtIn();

    @Test
    void builtInDataSetLoadsEveryCase() {
        assertEquals(8, ids.size());
    }

    @Test
    void premierPrenomMatchesBothHomonymsAndTheFullListOnlyOne() {
        assertEquals(2, ids.byTraits("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", "M", "1950-03-15", null).size());
        assertEquals(1, ids.byTraits("D'ARTAGNAN DE L'HERAULT", "PIERRE ALAIN JEAN", "M", "1950-03-15", null).size());
    }

    @Test
    void birthPlaceSeparatesTwoPeopleWithTheSameTraits() {
        assertEquals(2, ids.byTraits("MARTIN", "JEAN", "M", "1975-03-03", null).size());
        assertEquals(1, ids.byTraits("MARTIN", "JEAN", "M", "1975-03-03", "13055").size());
    }

    @Test
    void vitaleSearchAlsoFindsAFormerIns() {
        assertEquals(1, ids.byVitale("290113306308773", "LEGRAND", "1990-11-20").size());
    }

    @Test
    void dataFileWithAWrongKeyIsRefusedNamingTheEntry() {
        String json = "{\"identities\":[{\"ins\":\"280057505612388\",\"oid\":\"1.2.250.1.213.1.4.10\",\"nomNaissance\":\"A\","
                + "\"listePrenom\":\"B\",\"sexe\":\"F\",\"dateNaissance\":\"1980-05-12\"}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SandboxIdentities.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("identity #0: KEY_MISMATCH"), e.getMessage());
    }
}
