package fr.vigie.hub.sandbox.insi;

import fr.vigie.hub.insi.InsiNamespaces;
import fr.vigie.hub.insi.InsiOperation;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The WSDL the simulator answers to {@code GET <endpoint>?wsdl}: a WSDL 1.1 document naming the service
 * {@value #SERVICE}, its two operations ({@link InsiOperation}) with their actions, a SOAP 1.2 binding and the
 * simulator's address. It is Vigie's minimal description of what the simulator serves, written from the operation
 * names, actions and namespaces the hub uses ({@link InsiNamespaces}); it is not the CNAM's published WSDL
 * ({@code DESIR_ICIR_EXP_1.5.0}), whose schemas are not reproduced, and whether the production endpoint answers
 * {@code ?wsdl} at all is not confirmed. Stateless.
 */
final class SimulatorWsdl {
    /** The service name, as in the CNAM's WSDL. */
    static final String SERVICE = "ICIR-v1";
    /** The target namespace: the actions' prefix. */
    static final String TARGET_NAMESPACE = "urn:ServiceIdentiteCertifiee:1.0.0";

    private SimulatorWsdl() {
    }

    /** The document, with {@code endpoint} as the port's address. */
    static byte[] document(URI endpoint) {
        StringBuilder messages = new StringBuilder();
        StringBuilder portType = new StringBuilder();
        StringBuilder binding = new StringBuilder();
        for (InsiOperation op : InsiOperation.values()) {
            String name = op.operationName();
            messages.append("  <wsdl:message name=\"").append(name).append("Request\"><wsdl:part name=\"body\" element=\"")
                    .append(prefix(op)).append(':').append(op.bodyElement()).append("\"/></wsdl:message>\n")
                    .append("  <wsdl:message name=\"").append(name).append("Response\"><wsdl:part name=\"body\"")
                    .append(" element=\"res:RESULTAT\"/></wsdl:message>\n");
            portType.append("    <wsdl:operation name=\"").append(name).append("\">\n")
                    .append("      <wsdl:input message=\"tns:").append(name).append("Request\" wsam:Action=\"")
                    .append(op.action()).append("\"/>\n")
                    .append("      <wsdl:output message=\"tns:").append(name).append("Response\"/>\n")
                    .append("    </wsdl:operation>\n");
            binding.append("    <wsdl:operation name=\"").append(name).append("\">\n")
                    .append("      <soap12:operation soapAction=\"").append(op.action()).append("\"/>\n")
                    .append("      <wsdl:input><soap12:body use=\"literal\"/></wsdl:input>\n")
                    .append("      <wsdl:output><soap12:body use=\"literal\"/></wsdl:output>\n")
                    .append("    </wsdl:operation>\n");
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\""
                + " xmlns:soap12=\"http://schemas.xmlsoap.org/wsdl/soap12/\""
                + " xmlns:wsam=\"http://www.w3.org/2007/05/addressing/metadata\""
                + " xmlns:tns=\"" + TARGET_NAMESPACE + "\""
                + " xmlns:vit=\"" + InsiNamespaces.REC_VITALE + "\""
                + " xmlns:sans=\"" + InsiNamespaces.REC_SANS_VITALE + "\""
                + " xmlns:res=\"" + InsiNamespaces.RESULTAT + "\""
                + " name=\"" + SERVICE + "\" targetNamespace=\"" + TARGET_NAMESPACE + "\">\n"
                + messages
                + "  <wsdl:portType name=\"ServiceIdentiteCertifiee\">\n" + portType + "  </wsdl:portType>\n"
                + "  <wsdl:binding name=\"ServiceIdentiteCertifieeSoap12\" type=\"tns:ServiceIdentiteCertifiee\">\n"
                + "    <soap12:binding transport=\"http://schemas.xmlsoap.org/soap/http\" style=\"document\"/>\n"
                + binding + "  </wsdl:binding>\n"
                + "  <wsdl:service name=\"" + SERVICE + "\">\n"
                + "    <wsdl:port name=\"ServiceIdentiteCertifieePort\" binding=\"tns:ServiceIdentiteCertifieeSoap12\">\n"
                + "      <soap12:address location=\"" + endpoint + "\"/>\n"
                + "    </wsdl:port>\n"
                + "  </wsdl:service>\n"
                + "</wsdl:definitions>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String prefix(InsiOperation op) {
        return op == InsiOperation.RECHERCHER_AVEC_CARTE_VITALE ? "vit" : "sans";
    }
}
