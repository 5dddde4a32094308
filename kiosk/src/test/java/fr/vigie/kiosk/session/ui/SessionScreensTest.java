package fr.vigie.kiosk.session.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SessionScreensTest {
    @Test
    void aRefusedCertificateIsExplainedByWhatTheCheckSaid() {
        assertEquals("session.refused.revoked", SessionScreens.certificateRefusal("certificate revoked on 2026-11-02"));
        assertEquals("session.refused.revoked", SessionScreens.certificateRefusal("REVOCATION: on the CRL"));
        assertEquals("session.refused.expired", SessionScreens.certificateRefusal("certificate outside its validity dates"));
        assertEquals("session.refused.expired", SessionScreens.certificateRefusal("certificate expired"));
        assertEquals("session.refused.untrusted", SessionScreens.certificateRefusal("no path to a trusted anchor"));
        assertEquals("session.refused.untrusted", SessionScreens.certificateRefusal(null));
    }

    @Test
    void theRegisterOfANationalIdComesFromItsPrefix() {
        assertEquals("RPPS", SessionScreens.idKind("810001234567"));
        assertEquals("ADELI", SessionScreens.idKind("0751234567"));
        assertNull(SessionScreens.idKind("3123456789"));
    }
}
