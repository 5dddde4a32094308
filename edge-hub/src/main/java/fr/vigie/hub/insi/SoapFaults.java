package fr.vigie.hub.insi;

import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Maps SOAP 1.2 faults to {@link InsiError} codes. INSi puts a {@code siram_NNN} subcode under the
 * standard code ({@code Sender} or {@code Receiver}) and a {@code siram:Erreur} element whose
 * {@code code} attribute is a {@code desir_NNN} or {@code insi_NNN} code in the detail. The fault is
 * read by the most precise thing it carries, in this order:
 *
 * <table>
 * <caption>INSi faults as Vigie reads them</caption>
 * <tr><th>read from</th><th>code</th><th>meaning (source)</th><th>{@link InsiError}</th><th>retried</th></tr>
 * <tr><td>detail</td><td>{@code insi_102}</td><td>the search met a technical error; published with
 *     {@code siram_40}</td><td>{@code INSI_UNAVAILABLE}</td><td>yes</td></tr>
 * <tr><td>detail</td><td>{@code desir_550}</td><td>software authorisation number (IDAM) unknown; published
 *     with {@code siram_100}</td><td>{@code INSI_FAULT_AUTHENTICATION}</td><td>no</td></tr>
 * <tr><td>detail</td><td>{@code desir_560}</td><td>access level insufficient: the certificate's CN is not
 *     {@code INSI-AUTO}/{@code INSI-MANU} (its subcode is not published)</td><td>{@code INSI_FAULT_AUTHENTICATION}</td><td>no</td></tr>
 * <tr><td>subcode</td><td>{@code siram_40}</td><td>service temporarily unavailable, ask again later</td>
 *     <td>{@code INSI_UNAVAILABLE}</td><td>yes</td></tr>
 * <tr><td>subcode</td><td>{@code siram_100}</td><td>this software may not use the service</td>
 *     <td>{@code INSI_FAULT_AUTHENTICATION}</td><td>no</td></tr>
 * <tr><td>code</td><td>{@code Sender}</td><td>any other refusal of the request</td>
 *     <td>{@code INSI_FAULT_REQUEST_INVALID}</td><td>no</td></tr>
 * <tr><td>code</td><td>{@code Receiver}</td><td>any other failure of the service</td>
 *     <td>{@code INSI_FAULT_SERVICE}</td><td>no</td></tr>
 * <tr><td colspan="2">anything else</td><td></td><td>{@code INSI_FAULT_UNKNOWN}</td><td>no</td></tr>
 * </table>
 *
 * The codes and their meaning come from public INSi client code and the CNDA's examples (see the
 * edge-hub README); the CNAM's full list is not public and must be checked before going live. Codes
 * are compared without case ({@code DESIR_560} and {@code desir_560} alike). Only faults read as
 * {@code INSI_UNAVAILABLE} are retried, by {@link SoapInsiClient}'s bounded retry; authentication
 * faults never are: asking again would be refused again. The raw subcode and detail code are kept on
 * the exception, for support.
 */
final class SoapFaults {
    /** What a code means to Vigie. */
    record Meaning(InsiError error, String description) {
    }

    /** Detail codes ({@code siram:Erreur/@code}), read first. */
    static final Map<String, Meaning> DETAILS = Map.of(
            "insi_102", new Meaning(InsiError.INSI_UNAVAILABLE, "INSi's search met a technical error"),
            "desir_550", new Meaning(InsiError.INSI_FAULT_AUTHENTICATION,
                    "INSi does not know this software's authorisation number (IDAM)"),
            "desir_560", new Meaning(InsiError.INSI_FAULT_AUTHENTICATION,
                    "INSi refuses the establishment certificate: its CN must be INSI-AUTO or INSI-MANU"));

    /** Subcodes, read when the detail code is not listed. */
    static final Map<String, Meaning> SUBCODES = Map.of(
            "siram_40", new Meaning(InsiError.INSI_UNAVAILABLE, "INSi is temporarily unavailable"),
            "siram_100", new Meaning(InsiError.INSI_FAULT_AUTHENTICATION, "INSi does not let this software in"));

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
                                    subcode = localPart(InsiResponseReader.text(s)).toLowerCase(Locale.ROOT);
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
        Meaning meaning = detail != null && DETAILS.containsKey(detail) ? DETAILS.get(detail)
                : subcode != null && SUBCODES.containsKey(subcode) ? SUBCODES.get(subcode)
                : "Sender".equals(code) ? new Meaning(InsiError.INSI_FAULT_REQUEST_INVALID, "INSi refused the request")
                : "Receiver".equals(code) ? new Meaning(InsiError.INSI_FAULT_SERVICE, "INSi failed to answer")
                : new Meaning(InsiError.INSI_FAULT_UNKNOWN, "INSi answered a fault Vigie cannot read");
        String shownReason = reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
        return new InsiException(meaning.error(), meaning.description() + " (fault " + code + "/" + subcode
                + (detail == null ? "" : " " + detail) + ": " + shownReason + ")", subcode, detail, null);
    }

    /** The first {@code desir_NNN} or {@code insi_NNN} code in the detail, as an attribute or text, lowercase. */
    private static String detailCode(Element detail) {
        for (Element e : InsiResponseReader.children(detail)) {
            String attr = e.getAttribute("code").toLowerCase(Locale.ROOT);
            if (attr.matches("(desir|insi)_[0-9]{1,4}")) {
                return attr;
            }
            String text = InsiResponseReader.text(e).toLowerCase(Locale.ROOT);
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
