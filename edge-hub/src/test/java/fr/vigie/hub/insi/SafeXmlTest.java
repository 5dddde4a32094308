package fr.vigie.hub.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SafeXmlTest {
    private final SafeXml xml = new SafeXml(4096);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void externalEntityIsRefusedAsForbiddenBeforeAnyFileIsRead() {
        SafeXml.Rejected e = assertThrows(SafeXml.Rejected.class, () -> xml.parse(utf8(CannedAnswers.XXE)));
        assertEquals(SafeXml.Reason.FORBIDDEN, e.reason());
    }

    @Test
    void entityExpansionIsRefusedAsForbidden() {
        SafeXml.Rejected e = assertThrows(SafeXml.Rejected.class, () -> xml.parse(utf8(CannedAnswers.billionLaughs())));
        assertEquals(SafeXml.Reason.FORBIDDEN, e.reason());
    }

    @Test
    void anyDoctypeIsRefusedEvenWithoutEntities() {
        SafeXml.Rejected e = assertThrows(SafeXml.Rejected.class, () -> xml.parse(utf8("<!DOCTYPE a><a/>")));
        assertEquals(SafeXml.Reason.FORBIDDEN, e.reason());
    }

    @Test
    void bodyOverTheCapIsRefusedWhileReading() {
        byte[] big = utf8("<a>" + "x".repeat(5000) + "</a>");
        SafeXml.Rejected e = assertThrows(SafeXml.Rejected.class, () -> xml.readCapped(new ByteArrayInputStream(big)));
        assertEquals(SafeXml.Reason.TOO_LARGE, e.reason());
        assertEquals(SafeXml.Reason.TOO_LARGE, assertThrows(SafeXml.Rejected.class, () -> xml.parse(big)).reason());
    }

    @Test
    void brokenXmlIsRefusedAsMalformed() {
        SafeXml.Rejected e = assertThrows(SafeXml.Rejected.class, () -> xml.parse(utf8("<a><b></a>")));
        assertEquals(SafeXml.Reason.MALFORMED, e.reason());
    }

    @Test
    void wellFormedDocumentIsParsedNamespaceAware() throws Exception {
        Document d = xml.parse(CannedAnswers.code("01"));
        assertEquals("http://www.w3.org/2003/05/soap-envelope", d.getDocumentElement().getNamespaceURI());
        assertEquals("Envelope", d.getDocumentElement().getLocalName());
    }

    @Test
    void capBelowOneKilobyteIsRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new SafeXml(100));
    }
}
