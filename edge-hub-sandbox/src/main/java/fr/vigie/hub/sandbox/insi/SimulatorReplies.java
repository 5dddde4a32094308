package fr.vigie.hub.sandbox.insi;

import fr.vigie.hub.insi.InsiNamespaces;
import fr.vigie.hub.insi.InsiOperation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the simulator's answers in the shapes the CNDA publishes: {@code RESULTAT} envelopes (each
 * {@code INSHISTO} with its {@code DateDeb}/{@code DateFin} before {@code IdIndividu}, {@code Prenom}
 * in {@code TIQ} only for identities that ask for it, keys exactly as the data file writes them), SOAP
 * 1.2 faults with a {@code siram_NNN} subcode and a {@code desir_NNN}/{@code insi_NNN} detail, and, on
 * request, hostile bodies. Written independently of the client's reader, so that the two sides check
 * each other. Thread-safe.
 */
final class SimulatorReplies {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private interface Part {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    byte[] resultat(InsiOperation op, String relatesTo, List<SandboxIdentities.Identity> matches) {
        String r = InsiNamespaces.RESULTAT;
        String code = matches.isEmpty() ? "01" : matches.size() == 1 ? "00" : "02";
        String label = matches.isEmpty() ? "Aucune identite trouvee" : matches.size() == 1 ? "OK"
                : "Plusieurs identites trouvees";
        return envelope(op.action() + "Response", relatesTo, w -> {
            w.writeStartElement("r", "RESULTAT", r);
            w.writeNamespace("r", r);
            w.setPrefix("r", r);
            w.writeStartElement(r, "CR");
            text(w, r, "CodeCR", code);
            text(w, r, "LibelleCR", label);
            w.writeEndElement();
            if (matches.size() == 1) {
                SandboxIdentities.Identity id = matches.get(0);
                w.writeStartElement(r, "INDIVIDU");
                w.writeStartElement(r, "INSACTIF");
                ins(w, id.ins());
                w.writeEndElement();
                for (SandboxIdentities.Former f : id.history()) {
                    // The order of the CNDA's published examples: the period first, then the INS.
                    w.writeStartElement(r, "INSHISTO");
                    if (f.dateDeb() != null) {
                        text(w, r, "DateDeb", f.dateDeb());
                    }
                    if (f.dateFin() != null) {
                        text(w, r, "DateFin", f.dateFin());
                    }
                    ins(w, f.ins());
                    w.writeEndElement();
                }
                w.writeStartElement(r, "TIQ");
                text(w, r, "NomNaissance", id.nomNaissance());
                if (id.tiqPrenom()) {
                    text(w, r, "Prenom", id.listePrenom().split(" ")[0]);
                }
                text(w, r, "ListePrenom", id.listePrenom());
                text(w, r, "Sexe", id.sexe());
                text(w, r, "DateNaissance", id.dateNaissance());
                if (id.lieuNaissance() != null) {
                    text(w, r, "LieuNaissance", id.lieuNaissance());
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** A fault the simulator can be told to answer. */
    byte[] fault(SimulatedFault f) {
        return fault(f.code(), f.subcode(), f.detail(), f.reason());
    }

    /**
     * A SOAP 1.2 fault as the published examples shape it: {@code code} ({@code Sender} or
     * {@code Receiver}) with a {@code siram_NNN} subcode, the reason, and a {@code siram:Erreur} whose
     * {@code code} attribute is the {@code desir_NNN}/{@code insi_NNN} code.
     */
    byte[] fault(String code, String subcode, String detail, String reason) {
        String s = InsiNamespaces.SOAP;
        return envelope("http://www.w3.org/2005/08/addressing/soap/fault", null, w -> {
            w.writeStartElement(s, "Fault");
            w.writeStartElement(s, "Code");
            text(w, s, "Value", "soap:" + code);
            w.writeStartElement(s, "Subcode");
            text(w, s, "Value", "siram:" + subcode);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement(s, "Reason");
            w.writeStartElement(s, "Text");
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "fr");
            w.writeCharacters(reason);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement(s, "Detail");
            w.writeStartElement("siram", "Erreur", InsiNamespaces.SIRAM);
            w.writeAttribute("severite", "fatal");
            w.writeAttribute("code", detail);
            w.writeCharacters(reason);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** A classic XXE: an external entity pointing at a local file. */
    static byte[] xxe() {
        return ("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"" + InsiNamespaces.SOAP + "\"><soap:Body>&x;</soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** "Billion laughs": nested internal entities that expand exponentially. */
    static byte[] entityExpansion() {
        StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return ("<?xml version=\"1.0\"?><!DOCTYPE e [" + dtd + "]><soap:Envelope xmlns:soap=\"" + InsiNamespaces.SOAP
                + "\"><soap:Body>&l10;</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed envelope padded to about {@code bytes}. */
    byte[] oversized(int bytes) {
        String padding = "A".repeat(Math.max(0, bytes));
        return envelope("oversized", null, w -> {
            w.writeStartElement("r", "RESULTAT", InsiNamespaces.RESULTAT);
            w.writeNamespace("r", InsiNamespaces.RESULTAT);
            w.setPrefix("r", InsiNamespaces.RESULTAT);
            w.writeStartElement(InsiNamespaces.RESULTAT, "CR");
            text(w, InsiNamespaces.RESULTAT, "CodeCR", "01");
            text(w, InsiNamespaces.RESULTAT, "LibelleCR", padding);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** A {@code RESULTAT} that breaks the schema: an unknown CodeCR. */
    byte[] schemaViolation(String relatesTo) {
        return envelope("bad", relatesTo, w -> {
            w.writeStartElement("r", "RESULTAT", InsiNamespaces.RESULTAT);
            w.writeNamespace("r", InsiNamespaces.RESULTAT);
            w.setPrefix("r", InsiNamespaces.RESULTAT);
            w.writeStartElement(InsiNamespaces.RESULTAT, "CR");
            text(w, InsiNamespaces.RESULTAT, "CodeCR", "07");
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private byte[] envelope(String action, String relatesTo, Part body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        String s = InsiNamespaces.SOAP;
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soap", "Envelope", s);
            w.writeNamespace("soap", s);
            w.writeNamespace("wsa", InsiNamespaces.WSA);
            w.writeNamespace("siram", InsiNamespaces.SIRAM);
            w.setPrefix("soap", s);
            w.setPrefix("wsa", InsiNamespaces.WSA);
            w.setPrefix("siram", InsiNamespaces.SIRAM);
            w.writeStartElement(s, "Header");
            text(w, InsiNamespaces.WSA, "Action", action);
            if (relatesTo != null) {
                text(w, InsiNamespaces.WSA, "RelatesTo", relatesTo);
            }
            w.writeEndElement();
            w.writeStartElement(s, "Body");
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a simulator answer", e);
        }
        return out.toByteArray();
    }

    private static void ins(XMLStreamWriter w, SandboxIdentities.Matricule m) throws XMLStreamException {
        String r = InsiNamespaces.RESULTAT;
        w.writeStartElement(r, "IdIndividu");
        text(w, r, "NumIdentifiant", m.numIdentifiant());
        text(w, r, "Cle", m.cle());
        w.writeEndElement();
        text(w, r, "OID", m.oid().oid());
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
