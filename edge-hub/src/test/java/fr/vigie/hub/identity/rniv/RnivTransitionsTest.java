package fr.vigie.hub.identity.rniv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.identity.rniv.RnivAction.Kind;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.RnivError;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.RnivStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The complete transition table: every consistent starting state (each status with no attribute and
 * with HOMA; PROV with DOUT, FICT, both) × every action (DOCUMENT_CHECKED with every document). An
 * expected cell is the resulting status and attributes, or the exact rejection code.
 */
class RnivTransitionsTest {
    /** Columns: PROV RECUP VALI QUAL. A result is STATUS[+ATTR…]; a rejection is its RnivError name. */
    private static final String TABLE_NO_ATTRIBUTE = """
            INSI_RETRIEVED       RECUP                  RNIV_FORBIDDEN_TRANSITION QUAL                   RNIV_FORBIDDEN_TRANSITION
            INSI_VERIFIED        RNIV_NO_INS            RECUP                     RNIV_NO_INS            QUAL
            DOCUMENT_CHECKED     VALI                   QUAL                      VALI                   QUAL
            SET_DOUT             PROV+DOUT              PROV+DOUT                 PROV+DOUT              PROV+DOUT
            SET_FICT             PROV+FICT              PROV+FICT                 PROV+FICT              PROV+FICT
            SET_HOMA             PROV+HOMA              RECUP+HOMA                VALI+HOMA              QUAL+HOMA
            CLEAR_DOUT           RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET    RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET
            CLEAR_FICT           RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET    RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET
            CLEAR_HOMA           RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET    RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET
            APCV_QUALIFIED       QUAL                   QUAL                      QUAL                   QUAL
            INS_INVALIDATED      RNIV_NO_INS            PROV                      RNIV_NO_INS            VALI
            STRICT_TRAIT_CHANGED PROV                   PROV                      PROV                   PROV
            """;

    /** Same columns, starting with HOMA set: HOMA never changes the outcome and is kept. */
    private static final String TABLE_HOMA = """
            INSI_RETRIEVED       RECUP+HOMA             RNIV_FORBIDDEN_TRANSITION QUAL+HOMA              RNIV_FORBIDDEN_TRANSITION
            INSI_VERIFIED        RNIV_NO_INS            RECUP+HOMA                RNIV_NO_INS            QUAL+HOMA
            DOCUMENT_CHECKED     VALI+HOMA              QUAL+HOMA                 VALI+HOMA              QUAL+HOMA
            SET_DOUT             PROV+DOUT+HOMA         PROV+DOUT+HOMA            PROV+DOUT+HOMA         PROV+DOUT+HOMA
            SET_FICT             PROV+FICT+HOMA         PROV+FICT+HOMA            PROV+FICT+HOMA         PROV+FICT+HOMA
            SET_HOMA             PROV+HOMA              RECUP+HOMA                VALI+HOMA              QUAL+HOMA
            CLEAR_DOUT           RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET    RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET
            CLEAR_FICT           RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET    RNIV_ATTRIBUTE_NOT_SET RNIV_ATTRIBUTE_NOT_SET
            CLEAR_HOMA           PROV                   RECUP                     VALI                   QUAL
            APCV_QUALIFIED       QUAL+HOMA              QUAL+HOMA                 QUAL+HOMA              QUAL+HOMA
            INS_INVALIDATED      RNIV_NO_INS            PROV+HOMA                 RNIV_NO_INS            VALI+HOMA
            STRICT_TRAIT_CHANGED PROV+HOMA              PROV+HOMA                 PROV+HOMA              PROV+HOMA
            """;

    /** Columns: PROV+DOUT, PROV+FICT, PROV+DOUT+FICT (the only states DOUT and FICT may be in). */
    private static final String TABLE_DOUBTFUL = """
            INSI_RETRIEVED       RNIV_INSI_NOT_ALLOWED    RNIV_INSI_NOT_ALLOWED    RNIV_INSI_NOT_ALLOWED
            INSI_VERIFIED        RNIV_INSI_NOT_ALLOWED    RNIV_INSI_NOT_ALLOWED    RNIV_INSI_NOT_ALLOWED
            DOCUMENT_CHECKED     RNIV_DOUBTFUL_STAYS_PROV RNIV_DOUBTFUL_STAYS_PROV RNIV_DOUBTFUL_STAYS_PROV
            SET_DOUT             PROV+DOUT                PROV+DOUT+FICT           PROV+DOUT+FICT
            SET_FICT             PROV+DOUT+FICT           PROV+FICT                PROV+DOUT+FICT
            SET_HOMA             PROV+DOUT+HOMA           PROV+FICT+HOMA           PROV+DOUT+FICT+HOMA
            CLEAR_DOUT           PROV                     RNIV_ATTRIBUTE_NOT_SET   PROV+FICT
            CLEAR_FICT           RNIV_ATTRIBUTE_NOT_SET   PROV                     PROV+DOUT
            CLEAR_HOMA           RNIV_ATTRIBUTE_NOT_SET   RNIV_ATTRIBUTE_NOT_SET   RNIV_ATTRIBUTE_NOT_SET
            APCV_QUALIFIED       RNIV_DOUBTFUL_STAYS_PROV RNIV_DOUBTFUL_STAYS_PROV RNIV_DOUBTFUL_STAYS_PROV
            INS_INVALIDATED      RNIV_NO_INS              RNIV_NO_INS              RNIV_NO_INS
            STRICT_TRAIT_CHANGED PROV+DOUT                PROV+FICT                PROV+DOUT+FICT
            """;

    private static final List<String> ACTION_NAMES = List.of("INSI_RETRIEVED", "INSI_VERIFIED", "DOCUMENT_CHECKED",
            "SET_DOUT", "SET_FICT", "SET_HOMA", "CLEAR_DOUT", "CLEAR_FICT", "CLEAR_HOMA", "APCV_QUALIFIED",
            "INS_INVALIDATED", "STRICT_TRAIT_CHANGED");

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> out = new ArrayList<>();
        add(out, TABLE_NO_ATTRIBUTE, List.of("PROV", "RECUP", "VALI", "QUAL"));
        add(out, TABLE_HOMA, List.of("PROV+HOMA", "RECUP+HOMA", "VALI+HOMA", "QUAL+HOMA"));
        add(out, TABLE_DOUBTFUL, List.of("PROV+DOUT", "PROV+FICT", "PROV+DOUT+FICT"));
        return out.stream();
    }

    private static void add(List<Arguments> out, String table, List<String> states) {
        for (String line : table.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            for (int i = 0; i < states.size(); i++) {
                for (RnivAction action : actions(cells[0])) {
                    out.add(Arguments.of(states.get(i), action, cells[i + 1]));
                }
            }
        }
    }

    private static List<RnivAction> actions(String name) {
        if (name.equals("DOCUMENT_CHECKED")) {
            return Stream.of(HighTrustDocument.values()).map(RnivAction::documentChecked).toList();
        }
        if (name.startsWith("SET_")) {
            return List.of(RnivAction.attributeSet(IdentityAttribute.valueOf(name.substring(4))));
        }
        if (name.startsWith("CLEAR_")) {
            return List.of(RnivAction.attributeCleared(IdentityAttribute.valueOf(name.substring(6))));
        }
        return List.of(RnivAction.of(Kind.valueOf(name)));
    }

    private static RnivState state(String text) {
        String[] parts = text.split("\\+");
        Set<IdentityAttribute> attrs = EnumSet.noneOf(IdentityAttribute.class);
        for (int i = 1; i < parts.length; i++) {
            attrs.add(IdentityAttribute.valueOf(parts[i]));
        }
        return new RnivState(RnivStatus.valueOf(parts[0]), attrs);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndAction")
    void everyActionFromEveryStateGivesTheTabledOutcome(String from, RnivAction action, String expected)
            throws RnivException {
        RnivState start = state(from);
        if (expected.startsWith("RNIV_")) {
            assertEquals(RnivError.valueOf(expected), code(() -> RnivTransitions.apply(start, action)));
        } else {
            assertEquals(state(expected), RnivTransitions.apply(start, action));
        }
    }

    @Test
    void tableCoversEveryActionKindAttributeAndConsistentState() {
        Set<String> pairs = new HashSet<>();
        everyStateAndAction().forEach(a -> pairs.add(a.get()[0] + " " + a.get()[1]));
        int docs = HighTrustDocument.values().length;
        int actionsPerState = ACTION_NAMES.size() - 1 + docs;
        assertEquals(11 * actionsPerState, pairs.size());
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        everyStateAndAction().forEach(a -> kinds.add(((RnivAction) a.get()[1]).kind()));
        assertEquals(EnumSet.allOf(Kind.class), kinds);
    }

    @ParameterizedTest
    @EnumSource(value = RnivStatus.class, names = {"RECUP", "VALI", "QUAL"})
    void doubtfulOrFictitiousIdentityCannotBeAnythingButProv(RnivStatus status) {
        for (IdentityAttribute a : EnumSet.of(IdentityAttribute.DOUT, IdentityAttribute.FICT)) {
            assertEquals(RnivError.RNIV_INCONSISTENT_STATE, code(() -> RnivState.of(status, Set.of(a))));
        }
    }

    @Test
    void insiMayNotBeCalledForDoubtfulOrFictitiousIdentities() {
        assertTrue(RnivTransitions.mayCallInsi(RnivStatus.PROV, Set.of()));
        assertTrue(RnivTransitions.mayCallInsi(RnivStatus.QUAL, Set.of(IdentityAttribute.HOMA)));
        assertFalse(RnivTransitions.mayCallInsi(RnivStatus.PROV, Set.of(IdentityAttribute.DOUT)));
        assertFalse(RnivTransitions.mayCallInsi(RnivStatus.PROV, Set.of(IdentityAttribute.FICT)));
    }

    @Test
    void vitaleCardIsRefusedAsAHighTrustDocument() {
        for (String text : List.of("VITALE", "carte vitale", "CARTE_VITALE")) {
            assertEquals(RnivError.RNIV_NOT_A_HIGH_TRUST_DOCUMENT, code(() -> HighTrustDocument.parse(text)));
        }
        assertTrue(Stream.of(HighTrustDocument.values()).map(Enum::name).noneMatch(n -> n.contains("VITALE")));
    }

    @Test
    void actionsParseFromRequestTextAndRefuseMissingParts() throws RnivException {
        assertEquals(RnivAction.documentChecked(HighTrustDocument.PASSPORT),
                RnivAction.parse("document_checked", "passport", null));
        assertEquals(RnivAction.attributeSet(IdentityAttribute.DOUT), RnivAction.parse("ATTRIBUTE_SET", null, "dout"));
        assertEquals(RnivError.RNIV_BAD_ACTION, code(() -> RnivAction.parse("DOCUMENT_CHECKED", null, null)));
        assertEquals(RnivError.RNIV_BAD_ACTION, code(() -> RnivAction.parse("TELEPORT", null, null)));
    }

    private static RnivError code(Executable call) {
        return assertThrows(RnivException.class, call).error();
    }
}
