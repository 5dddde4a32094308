package fr.vigie.hub.insi;

import java.util.Map;
import org.w3c.dom.Element;

/**
 * Maps SOAP 1.2 faults to {@link InsiError} codes. INSi puts a {@code siram_NNN} subcode under the
 * standard code and a {@code desir_NNN} or {@code insi_NNN} code in the detail. The table of
 * subcodes below is Vigie's reading (*unconfirmed*: the CNAM's list must be checked before going
 * live); a fault it does not list is read by its standard code: {@code Sender} → request invalid,
 * {@code Receiver} → service failure. The raw subcode and detail are kept on the exception.
 */
final class SoapFaults {
    /** Subcodes whose meaning Vigie relies on. */
    static final Map<String, InsiError> SUBCODES = Map.of(
            "siram_40", InsiError.INSI_FAULT_AUTHENTICATION,
            "siram_41", InsiError.INSI_FAULT_AUTHENTICATION,
            "siram_10", InsiError.INSI_FAULT_REQUEST_INVALID,
            "siram_50", InsiError.INSI_FAULT_SERVICE);

    private SoapFaults() {
    }

    static InsiException toException(Element fault) {
        String code = null;
        String subcode = null;
        String reason = "";
        String detail = null;
        for (Element part : InsiResponseReader.children(fault)) {
            switch (part.getLocalName()) {
                case "Code" -> {
                    for (Element c : InsiResponseReader.children(part)) {
                        if (c.getLocalName().equals("Value")) {
                            code = localPart(InsiResponseReader.text(c));
                        } else if (c.getLocalName().equals("Subcode")) {
                            for (Element s : InsiResponseReader.children(c)) {
                                if (s.getLocalName().equals("Value")) {
                                    subcode = localPart(InsiResponseReader.text(s));
                                }
                            }
                        }
                    }
                }
                case "Reason" -> reason = InsiResponseReader.text(part);
                case "Detail" -> detail = detailCode(part);
                default -> { }
            }
        }
        InsiError error = subcode != null && SUBCODES.containsKey(subcode) ? SUBCODES.get(subcode)
                : "Sender".equals(code) ? InsiError.INSI_FAULT_REQUEST_INVALID
                : "Receiver".equals(code) ? InsiError.INSI_FAULT_SERVICE : InsiError.INSI_FAULT_UNKNOWN;
        String shownReason = reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
        return new InsiException(error, "INSi fault " + code + "/" + subcode + (detail == null ? "" : " " + detail)
                + ": " + shownReason, subcode, detail, null);
    }

    /** The first {@code desir_NNN} or {@code insi_NNN} code in the detail, as an attribute or text. */
    private static String detailCode(Element detail) {
        for (Element e : InsiResponseReader.children(detail)) {
            String attr = e.getAttribute("code");
            if (attr.matches("(desir|insi)_[0-9]{1,4}")) {
                return attr;
            }
            String text = InsiResponseReader.text(e);
            if (text.matches("(desir|insi)_[0-9]{1,4}")) {
                return text;
            }
        }
        return null;
    }

    private static String localPart(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }
}
