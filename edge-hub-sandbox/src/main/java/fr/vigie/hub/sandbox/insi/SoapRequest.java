package fr.vigie.hub.sandbox.insi;

import fr.vigie.hub.insi.InsiNamespaces;
import fr.vigie.hub.insi.InsiOperation;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An INSi request as the simulator reads it: the operation (from {@code wsa:Action}, which must
 * agree with the body element), the message id, and the body's simple fields. The WS-Addressing,
 * ContexteBAM (01_02) and ContexteLPS (CTXLPS 01_00) headers are required.
 *
 * @param operation which search
 * @param messageId {@code wsa:MessageID}
 * @param fields the body's child elements by local name
 */
record SoapRequest(InsiOperation operation, String messageId, Map<String, String> fields) {

    /** Why a request was refused: the fault's detail code and reason. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String detail;

        Invalid(String detail, String reason) {
            super(reason);
            this.detail = detail;
        }
    }

    static SoapRequest read(Document doc) throws Invalid {
        Element env = doc.getDocumentElement();
        if (!is(env, InsiNamespaces.SOAP, "Envelope")) {
            throw new Invalid("insi_001", "not a SOAP 1.2 envelope");
        }
        Element header = child(env, InsiNamespaces.SOAP, "Header");
        Element body = child(env, InsiNamespaces.SOAP, "Body");
        if (header == null || body == null) {
            throw new Invalid("insi_001", "the envelope needs a Header and a Body");
        }
        Element action = child(header, InsiNamespaces.WSA, "Action");
        Element messageId = child(header, InsiNamespaces.WSA, "MessageID");
        if (action == null || messageId == null || !messageId.getTextContent().strip().startsWith("uuid:")) {
            throw new Invalid("desir_010", "WS-Addressing Action and MessageID (uuid:...) are required");
        }
        Element bam = child(header, InsiNamespaces.CTX_BAM, "ContexteBAM");
        if (bam == null || !"01_02".equals(bam.getAttribute("Version"))) {
            throw new Invalid("desir_011", "ContexteBAM version 01_02 is required");
        }
        Element lps = child(header, InsiNamespaces.CTX_LPS, "ContexteLPS");
        if (lps == null || !"CTXLPS".equals(lps.getAttribute("Nature")) || !"01_00".equals(lps.getAttribute("Version"))) {
            throw new Invalid("desir_012", "ContexteLPS nature CTXLPS version 01_00 is required");
        }
        InsiOperation op = InsiOperation.ofAction(action.getTextContent().strip());
        if (op == null) {
            throw new Invalid("desir_013", "unknown action");
        }
        Element payload = child(body, op.bodyNamespace(), op.bodyElement());
        if (payload == null) {
            throw new Invalid("desir_014", "the body does not hold " + op.bodyElement() + " for " + op.operationName());
        }
        Map<String, String> fields = new HashMap<>();
        for (Node n = payload.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && op.bodyNamespace().equals(e.getNamespaceURI())) {
                if (fields.put(e.getLocalName(), e.getTextContent()) != null) {
                    throw new Invalid("insi_002", e.getLocalName() + " appears twice");
                }
            }
        }
        return new SoapRequest(op, messageId.getTextContent().strip(), fields);
    }

    /**
     * A required field matching {@code pattern}; otherwise {@code insi_902}, the simulator's own code
     * for invalid characters ({@code insi_102} means a technical error in the published examples).
     */
    String required(String name, String pattern) throws Invalid {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw new Invalid("insi_101", name + " is required");
        }
        if (!v.matches(pattern)) {
            throw new Invalid("insi_902", name + " holds characters or a shape INSi does not accept");
        }
        return v;
    }

    /** An optional field matching {@code pattern}, or {@code null}. */
    String optional(String name, String pattern) throws Invalid {
        return fields.containsKey(name) ? required(name, pattern) : null;
    }

    private static boolean is(Element e, String ns, String name) {
        return ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName());
    }

    private static Element child(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, ns, name)) {
                return e;
            }
        }
        return null;
    }
}
