package fr.vigie.hub.sandbox.insi;

/**
 * The SOAP faults the simulator can be told to answer ({@link InsiSimulator#faultNext}), with the codes
 * public INSi client code and the CNDA's examples show for them (see the edge-hub README). The
 * reasons are the simulator's own wording. HTTP status as the SOAP 1.2 HTTP binding gives it: 500 for
 * {@code Receiver}, 400 for {@code Sender}.
 */
public enum SimulatedFault {
    /** {@code Receiver}, {@code siram_40} / {@code insi_102}: the service is temporarily unavailable. */
    SERVICE_UNAVAILABLE("Receiver", "siram_40", "insi_102",
            "Service momentanement indisponible : renouveler la demande plus tard."),
    /** {@code Sender}, {@code siram_100} / {@code desir_550}: the software authorisation number is unknown. */
    UNKNOWN_AUTHORISATION("Sender", "siram_100", "desir_550",
            "Acces refuse : numero d'autorisation du logiciel inconnu."),
    /**
     * {@code Sender}, {@code desir_560}: access level insufficient, the certificate's CN is not
     * INSI-AUTO or INSI-MANU. The subcode is not published; the simulator uses {@code siram_100}.
     * Also what the simulator answers to a certificate with another CN.
     */
    ACCESS_LEVEL_INSUFFICIENT("Sender", "siram_100", "desir_560",
            "Acces refuse : niveau d'acces insuffisant pour ce certificat.");

    private final String code;
    private final String subcode;
    private final String detail;
    private final String reason;

    SimulatedFault(String code, String subcode, String detail, String reason) {
        this.code = code;
        this.subcode = subcode;
        this.detail = detail;
        this.reason = reason;
    }

    String code() {
        return code;
    }

    String subcode() {
        return subcode;
    }

    String detail() {
        return detail;
    }

    String reason() {
        return reason;
    }

    int httpStatus() {
        return code.equals("Receiver") ? 500 : 400;
    }

    /** {@code subcode/detail}, as the call log shows it. */
    public String codes() {
        return subcode + "/" + detail;
    }
}
