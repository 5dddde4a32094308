package fr.vigie.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InsOidTest {

    @Test
    void theFourInsOidsParse() throws IdentityException {
        assertEquals(InsOid.INS_NIR, InsOid.parse("1.2.250.1.213.1.4.8"));
        assertEquals(InsOid.INS_NIA, InsOid.parse("1.2.250.1.213.1.4.9"));
        assertEquals(InsOid.INS_NIR_TEST, InsOid.parse("1.2.250.1.213.1.4.10"));
        assertEquals(InsOid.INS_NIR_DEMO, InsOid.parse(" 1.2.250.1.213.1.4.11 "));
    }

    @ParameterizedTest
    @EnumSource(InsOid.class)
    void everyOidParsesFromItsOwnText(InsOid oid) throws IdentityException {
        assertEquals(oid, InsOid.parse(oid.oid()));
    }

    @Test
    void onlyTestAndDemoOidsAreMarkedAsSuch() {
        assertFalse(InsOid.INS_NIR.isTestOrDemo());
        assertFalse(InsOid.INS_NIA.isTestOrDemo());
        assertTrue(InsOid.INS_NIR_TEST.isTestOrDemo());
        assertTrue(InsOid.INS_NIR_DEMO.isTestOrDemo());
        assertEquals("INS-NIR-TEST", InsOid.INS_NIR_TEST.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.250.1.213.1.4.12", "1.2.250.1.213.1.4", "1.2.250.1.213.1.4.80", "INS-NIR",
        "urn:oid:1.2.250.1.213.1.4.8"})
    void otherOidIsRejectedListingTheKnownOnes(String text) {
        IdentityException e = assertThrows(IdentityException.class, () -> InsOid.parse(text));

        assertEquals(IdentityError.OID_UNKNOWN, e.error());
        assertEquals("OID '" + text + "' is not an INS OID (known: 1.2.250.1.213.1.4.8 INS-NIR, 1.2.250.1.213.1.4.9"
                + " INS-NIA, 1.2.250.1.213.1.4.10 INS-NIR-TEST, 1.2.250.1.213.1.4.11 INS-NIR-DEMO)", e.getMessage());
    }

    @Test
    void absentOidIsRejected() {
        IdentityException e = assertThrows(IdentityException.class, () -> InsOid.parse(null));

        assertEquals(IdentityError.OID_UNKNOWN, e.error());
        assertTrue(e.getMessage().startsWith("no OID was given"), e.getMessage());
    }
}
