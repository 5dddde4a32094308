package fr.vigie.hub.insi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way Vigie reads SOAP documents from the network, on both sides of the INSi contract
 * (client and simulator): a size cap applied while reading, then a namespace-aware DOM parser that
 * refuses any DOCTYPE ({@code disallow-doctype-decl}), resolves no external entity or DTD, does not
 * expand XInclude, and runs in secure-processing mode. XXE and entity-expansion ("billion laughs")
 * documents are refused before a single entity is declared. Thread-safe.
 *
 * <pre>{@code
 * SafeXml xml = new SafeXml(256 * 1024);
 * Document d = xml.parse(xml.readCapped(body));   // SafeXml.Rejected with a Reason otherwise
 * }</pre>
 */
public final class SafeXml {

    /** Why a document was refused. */
    public enum Reason {
        /** Larger than the cap; not read further. */
        TOO_LARGE,
        /** Carries a DOCTYPE or entity declarations. */
        FORBIDDEN,
        /** Not well-formed XML. */
        MALFORMED
    }

    /** A document refused by {@link SafeXml}, with the reason. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        Rejected(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final int maxBytes;
    private final DocumentBuilderFactory factory;

    /** A reader that refuses documents over {@code maxBytes}. */
    public SafeXml(int maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("the XML size cap must be at least 1024 bytes, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.factory = hardenedFactory();
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Reads at most {@code maxBytes} from {@code in}, refusing the document as soon as it is longer. */
    public byte[] readCapped(InputStream in) throws IOException, Rejected {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > maxBytes) {
                throw new Rejected(Reason.TOO_LARGE, "the document is larger than " + maxBytes + " bytes", null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Parses a document already read within the cap. */
    public Document parse(byte[] bytes) throws Rejected {
        if (bytes.length > maxBytes) {
            throw new Rejected(Reason.TOO_LARGE, "the document is larger than " + maxBytes + " bytes", null);
        }
        try {
            DocumentBuilder builder;
            synchronized (factory) {
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are never resolved");
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            if (declaresDtd(bytes)) {
                throw new Rejected(Reason.FORBIDDEN, "the document declares a DOCTYPE or entities, which are never processed", e);
            }
            throw new Rejected(Reason.MALFORMED, "the document is not well-formed XML: " + brief(e), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new Rejected(Reason.MALFORMED, "the document cannot be read: " + e.getMessage(), e);
        }
    }

    /** Classification only: the parser has already refused the document whatever this says. */
    private static boolean declaresDtd(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.contains("<!DOCTYPE") || text.contains("<!ENTITY") || text.contains("\0<\0!");
    }

    private static String brief(SAXException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setIgnoringComments(true);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support the hardening features", e);
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
