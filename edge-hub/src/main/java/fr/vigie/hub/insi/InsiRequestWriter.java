package fr.vigie.hub.insi;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the SOAP 1.2 request envelopes with StAX: WS-Addressing {@code Action}, {@code MessageID}
 * and {@code To}, then {@code ContexteBAM} (version 01_02) and {@code ContexteLPS} (nature CTXLPS,
 * version 01_00, {@code IDAM R="4"}), then the body. In the mutual-TLS mode no {@code wsse:Security}
 * header is sent: it carries the agent's SAML assertion in the CPS mode, which is not built here.
 * Values are escaped by the writer. Thread-safe.
 */
final class InsiRequestWriter {
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private final InsiSettings settings;
    private final Clock clock;

    InsiRequestWriter(InsiSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    byte[] traits(String messageId, TraitsQuery q) {
        return envelope(InsiOperation.RECHERCHER_AVEC_TRAITS, messageId, w -> {
            String ns = InsiNamespaces.REC_SANS_VITALE;
            text(w, ns, "NomNaissance", q.traits().nomNaissance());
            text(w, ns, "Prenom", q.prenom());
            text(w, ns, "Sexe", q.traits().sexe().traitCode());
            text(w, ns, "DateNaissance", q.traits().dateNaissance().toString());
            if (q.lieuNaissance().isPresent()) {
                text(w, ns, "LieuNaissance", q.lieuNaissance().get().code());
            }
        });
    }

    byte[] vitale(String messageId, VitaleQuery q) {
        return envelope(InsiOperation.RECHERCHER_AVEC_CARTE_VITALE, messageId, w -> {
            String ns = InsiNamespaces.REC_VITALE;
            text(w, ns, "MatriculeIndividu", q.matriculeIndividu().value());
            text(w, ns, "MatriculeOD", q.matriculeOd().value());
            text(w, ns, "NomNaissance", q.nomNaissance());
            text(w, ns, "DateNaissance", q.dateNaissance().toString());
            text(w, ns, "RangNaissance", Integer.toString(q.rangNaissance()));
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private byte[] envelope(InsiOperation op, String messageId, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        String now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("soap", InsiNamespaces.SOAP);
            w.writeStartElement(InsiNamespaces.SOAP, "Envelope");
            w.writeNamespace("soap", InsiNamespaces.SOAP);
            w.writeNamespace("wsa", InsiNamespaces.WSA);
            w.writeNamespace("ctxbam", InsiNamespaces.CTX_BAM);
            w.writeNamespace("ctxlps", InsiNamespaces.CTX_LPS);
            w.writeNamespace("req", op.bodyNamespace());
            w.setPrefix("wsa", InsiNamespaces.WSA);
            w.setPrefix("ctxbam", InsiNamespaces.CTX_BAM);
            w.setPrefix("ctxlps", InsiNamespaces.CTX_LPS);
            w.setPrefix("req", op.bodyNamespace());
            w.writeStartElement(InsiNamespaces.SOAP, "Header");
            text(w, InsiNamespaces.WSA, "Action", op.action());
            text(w, InsiNamespaces.WSA, "MessageID", messageId);
            text(w, InsiNamespaces.WSA, "To", settings.endpoint().toString());
            w.writeStartElement(InsiNamespaces.CTX_BAM, "ContexteBAM");
            w.writeAttribute("Version", "01_02");
            text(w, InsiNamespaces.CTX_BAM, "Id", messageId.substring("uuid:".length()));
            text(w, InsiNamespaces.CTX_BAM, "Temps", now);
            text(w, InsiNamespaces.CTX_BAM, "Emetteur", settings.emitter());
            w.writeEmptyElement(InsiNamespaces.CTX_BAM, "COUVERTURE");
            w.writeEndElement();
            w.writeStartElement(InsiNamespaces.CTX_LPS, "ContexteLPS");
            w.writeAttribute("Nature", "CTXLPS");
            w.writeAttribute("Version", "01_00");
            text(w, InsiNamespaces.CTX_LPS, "Id", messageId.substring("uuid:".length()));
            text(w, InsiNamespaces.CTX_LPS, "Temps", now);
            text(w, InsiNamespaces.CTX_LPS, "Emetteur", settings.emitter());
            w.writeStartElement(InsiNamespaces.CTX_LPS, "LPS");
            w.writeStartElement(InsiNamespaces.CTX_LPS, "IDAM");
            w.writeAttribute("R", "4");
            w.writeCharacters(settings.idam());
            w.writeEndElement();
            text(w, InsiNamespaces.CTX_LPS, "Version", settings.lpsVersion());
            text(w, InsiNamespaces.CTX_LPS, "Instance", settings.instanceId());
            text(w, InsiNamespaces.CTX_LPS, "Nom", settings.lpsUrn());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement(InsiNamespaces.SOAP, "Body");
            w.writeStartElement(op.bodyNamespace(), op.bodyElement());
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an INSi request", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
