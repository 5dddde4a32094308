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
        assertEquals(12, ids.size());
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
    void anEntryMayKeepAKeyThatDoesNotVerifyOnlyWhenItSaysSo() throws Exception {
        assertEquals(1, ids.byTraits("HERMANN", "GATIEN", "M", "1981-03-24", null).size());
        String says = "{\"identities\":[{\"ins\":\"280057505612388\",\"keyVerifies\":false,\"oid\":\"1.2.250.1.213.1.4.10\","
                + "\"nomNaissance\":\"A\",\"listePrenom\":\"B\",\"sexe\":\"F\",\"dateNaissance\":\"1980-05-12\"}]}";
        assertEquals(1, SandboxIdentities.read(new ByteArrayInputStream(says.getBytes(StandardCharsets.UTF_8))).size());
        String lies = says.replace("280057505612388", "280057505612389");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SandboxIdentities.read(new ByteArrayInputStream(lies.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("identity #0: ") && e.getMessage().contains("its key verifies"), e.getMessage());
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
