package fr.vigie.hub.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hub.identity.RegistryError;
import fr.vigie.hub.insi.InsiError;
import fr.vigie.protocol.identity.RnivError;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every outcome of INSi, the ApCV check and the registry reaches a kiosk as the device API's code of the
 * same name, with the status kiosks got before the contract moved to {@code fr.vigie.protocol.device}.
 */
class RejectionsTest {
    private static final Set<InsiError> NOT_RESOLVED = Set.of(InsiError.INSI_NO_MATCH,
            InsiError.INSI_SEVERAL_MATCHES, InsiError.INSI_KEY_NOT_VERIFIED, InsiError.INSI_FAULT_AUTHENTICATION,
            InsiError.INSI_FAULT_REQUEST_INVALID);

    /** What only the identity-vigilance cell's merge (REST API) refuses with: no admission step meets them. */
    private static final Set<RegistryError> ONLY_THE_CELLS_MERGE = Set.of(RegistryError.FLAG_NOT_FOUND,
            RegistryError.FLAG_CLOSED, RegistryError.MERGE_NOT_A_DUPLICATE, RegistryError.MERGE_SURVIVOR_NOT_IN_FLAG,
            RegistryError.MERGE_INS_DIFFER, RegistryError.MERGE_SURVIVOR_WEAKER);

    @Test
    void everyInsiOutcomeKeepsItsNameAndStatus() {
        for (InsiError e : InsiError.values()) {
            int expected = e == InsiError.INSI_TRAITS_REJECTED ? 400 : NOT_RESOLVED.contains(e) ? 422 : 503;

            assertEquals(e.name(), Rejections.code(e).name());
            assertEquals(expected, Rejections.code(e).status(), e.name());
        }
    }

    @Test
    void everyApcvRefusalKeepsItsNameAndStatus() {
        for (ApcvError e : ApcvError.values()) {
            int expected = switch (e) {
                case APCV_NOT_CONFIGURED, APCV_KEYS_UNAVAILABLE -> 503;
                case APCV_REPLAYED -> 409;
                default -> 400;
            };

            assertEquals(e.name(), Rejections.code(e).name());
            assertEquals(expected, Rejections.code(e).status(), e.name());
        }
    }

    @Test
    void everyRegistryAndRnivRefusalKeepsItsName() {
        for (RegistryError e : RegistryError.values()) {
            if (!ONLY_THE_CELLS_MERGE.contains(e)) {
                assertEquals(e.name(), Rejections.code(e.name()).name());
            }
        }
        for (RnivError e : RnivError.values()) {
            assertEquals(e.name(), Rejections.code(e.name()).name());
        }
        assertEquals(404, Rejections.code(RegistryError.IDENTITY_NOT_FOUND.name()).status());
        assertEquals(409, Rejections.code(RegistryError.CHANGE_REQUEST_STALE.name()).status());
        assertEquals(409, Rejections.code(RegistryError.IDENTITY_MERGED.name()).status(), "a record merged by the cell");
        assertEquals(409, Rejections.code(RnivError.RNIV_INSI_NOT_ALLOWED.name()).status());
    }
}
