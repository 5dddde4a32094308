package fr.vigie.hub.gam;

import fr.vigie.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how the hub sends its identity feed to the hospital's patient administration system (GAM):
 * the {@code hub.gam.*} settings. The feed is off when no host is set. Immutable; a bad value throws an
 * {@link IllegalArgumentException} whose message starts with its key.
 *
 * <pre>{@code
 * hub.gam.host=gam.chu.example
 * hub.gam.port=2575
 * hub.gam.tls=true
 * hub.gam.tls-trust=/etc/vigie/gam-ca.pem
 * hub.gam.sending-facility=CHU-NORD
 * hub.gam.patient-id-oid=1.2.250.1.999.1.2.3
 * }</pre>
 *
 * @param host the GAM's MLLP listener ({@value #HOST}); empty: the feed is off and nothing is queued
 * @param port its TCP port ({@value #PORT}, default 2575)
 * @param tls whether the connection is TLS ({@value #TLS}, default false)
 * @param tlsTrust PEM files of the certificates that may sign the GAM's server certificate ({@value #TLS_TRUST},
 *        comma separated; empty: the JVM's default trust store); the host name is checked against it
 * @param sendingApplication MSH-3 ({@value #SENDING_APPLICATION}, default {@code VIGIE})
 * @param sendingFacility MSH-4 ({@value #SENDING_FACILITY}, may be empty)
 * @param receivingApplication MSH-5 ({@value #RECEIVING_APPLICATION}, default {@code GAM})
 * @param receivingFacility MSH-6 ({@value #RECEIVING_FACILITY}, may be empty)
 * @param patientIdAuthority the assigning authority's namespace of the hub's own patient identifier (PID-3 type
 *        PI; {@value #PATIENT_ID_AUTHORITY}, default: the sending application)
 * @param patientIdOid the OID of that identifier domain ({@value #PATIENT_ID_OID}; empty: none, the namespace
 *        alone names it). The FHIR API uses it as the identifier system {@code urn:oid:…}
 * @param ackTimeout how long the hub waits for the GAM's acknowledgement before it closes the connection and
 *        tries again ({@value #ACK_TIMEOUT_SECONDS}, 1–600, default 30)
 * @param retryMax the longest pause between two attempts while the GAM cannot be reached; pauses double from one
 *        second up to it ({@value #RETRY_MAX_SECONDS}, 1–3600, default 60)
 */
public record GamSettings(String host, int port, boolean tls, List<Path> tlsTrust, String sendingApplication,
        String sendingFacility, String receivingApplication, String receivingFacility, String patientIdAuthority,
        String patientIdOid, Duration ackTimeout, Duration retryMax) {
    public static final String HOST = "hub.gam.host";
    public static final String PORT = "hub.gam.port";
    public static final String TLS = "hub.gam.tls";
    public static final String TLS_TRUST = "hub.gam.tls-trust";
    public static final String SENDING_APPLICATION = "hub.gam.sending-application";
    public static final String SENDING_FACILITY = "hub.gam.sending-facility";
    public static final String RECEIVING_APPLICATION = "hub.gam.receiving-application";
    public static final String RECEIVING_FACILITY = "hub.gam.receiving-facility";
    public static final String PATIENT_ID_AUTHORITY = "hub.gam.patient-id-authority";
    public static final String PATIENT_ID_OID = "hub.gam.patient-id-oid";
    public static final String ACK_TIMEOUT_SECONDS = "hub.gam.ack-timeout-seconds";
    public static final String RETRY_MAX_SECONDS = "hub.gam.retry-max-seconds";
    /** Every {@code hub.gam.*} key. */
    /** Every {@code hub.gam.*} setting, described for the settings reference and the hub's reader. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.define(HOST).textValue("").words("Serveur du GAM", "GAM host",
                    "Serveur de la gestion administrative des malades (flux HL7 par MLLP) ; vide : pas de flux.",
                    "The hospital's patient administration system (GAM), fed over MLLP with HL7 v2.5 IHE PAM France;"
                            + " empty: feed off."),
            Setting.define(PORT).integer(2575, 1, 65_535).words("Port du GAM", "GAM port", "Port MLLP du GAM.",
                    "The GAM's MLLP port."),
            Setting.define(TLS).bool(false).words("TLS vers le GAM", "TLS to the GAM", "Chiffrer le flux vers le GAM.",
                    "TLS to the GAM."),
            Setting.define(TLS_TRUST).list("").words("Autorités du GAM", "GAM trust anchors",
                    "Certificats (PEM) qui peuvent signer celui du GAM ; vide : ceux de Java.",
                    "PEM files of the certificates that may sign the GAM's; empty: the JVM's trust."),
            Setting.define(SENDING_APPLICATION).textValue("VIGIE").words("Application émettrice (MSH-3)",
                    "Sending application (MSH-3)", "MSH-3 des messages.", "MSH-3 of the messages."),
            Setting.define(SENDING_FACILITY).textValue("").words("Établissement émetteur (MSH-4)", "Sending facility (MSH-4)",
                    "MSH-4 des messages.", "MSH-4 of the messages."),
            Setting.define(RECEIVING_APPLICATION).textValue("GAM").words("Application destinataire (MSH-5)",
                    "Receiving application (MSH-5)", "MSH-5 des messages.", "MSH-5 of the messages."),
            Setting.define(RECEIVING_FACILITY).textValue("").words("Établissement destinataire (MSH-6)",
                    "Receiving facility (MSH-6)", "MSH-6 des messages.", "MSH-6 of the messages."),
            Setting.define(PATIENT_ID_AUTHORITY).textValue("").words("Autorité des identifiants patient",
                    "Patient id authority", "Domaine des identifiants du hub (PID-3) ; vide : l'application émettrice.",
                    "The domain of the hub's record ids in PID-3 (type PI); empty: the sending application."),
            Setting.define(PATIENT_ID_OID).textValue("").words("OID des identifiants patient", "Patient id OID",
                    "OID du domaine des identifiants (API FHIR : urn:oid:…).",
                    "OID of that domain (urn:oid:… identifier system in the FHIR API)."),
            Setting.define(ACK_TIMEOUT_SECONDS).integer(30, 1, 600).unit("s").words("Attente de l'accusé du GAM",
                    "GAM acknowledgement timeout", "Attente maximale de l'accusé de réception du GAM.",
                    "Wait for the GAM's acknowledgement."),
            Setting.define(RETRY_MAX_SECONDS).integer(60, 1, 3600).unit("s").words("Pause maximale entre deux envois",
                    "GAM retry pause", "Pause la plus longue entre deux essais quand le GAM est injoignable.",
                    "Longest pause between attempts while the GAM cannot be reached (pauses double from 1 s)."));
    /** Every {@code hub.gam.*} key. */
    public static final List<String> KEYS = SETTINGS.stream().map(Setting::key).toList();

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.\\-:\\[\\]]{1,253}");
    /** An HL7 namespace id (IS, 20 characters in v2.5) without any of the message's delimiters. */
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._\\-]{0,19}");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]{0,8})){1,30}");

    public GamSettings {
        host = Objects.requireNonNullElse(host, "").strip();
        if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException(HOST + " must be a host name or IP address, got '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be a port between 1 and 65535, got " + port);
        }
        tlsTrust = List.copyOf(Objects.requireNonNullElse(tlsTrust, List.of()));
        if (!tls && !tlsTrust.isEmpty()) {
            throw new IllegalArgumentException(TLS_TRUST + " is set but " + TLS + " is false: set " + TLS
                    + "=true or remove " + TLS_TRUST);
        }
        sendingApplication = namespace(SENDING_APPLICATION, sendingApplication, false);
        sendingFacility = namespace(SENDING_FACILITY, sendingFacility, true);
        receivingApplication = namespace(RECEIVING_APPLICATION, receivingApplication, false);
        receivingFacility = namespace(RECEIVING_FACILITY, receivingFacility, true);
        patientIdAuthority = namespace(PATIENT_ID_AUTHORITY,
                patientIdAuthority == null || patientIdAuthority.isBlank() ? sendingApplication : patientIdAuthority, false);
        patientIdOid = Objects.requireNonNullElse(patientIdOid, "").strip();
        if (!patientIdOid.isEmpty() && !OID.matcher(patientIdOid).matches()) {
            throw new IllegalArgumentException(PATIENT_ID_OID + " must be an OID such as 1.2.250.1.999.1, got '"
                    + patientIdOid + "'");
        }
        within(ACK_TIMEOUT_SECONDS, ackTimeout, 600);
        within(RETRY_MAX_SECONDS, retryMax, 3600);
    }

    /** The feed switched off: no host. */
    public static GamSettings off() {
        return new GamSettings("", 2575, false, List.of(), "VIGIE", "", "GAM", "", "", "", Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    /** Whether the hub sends (and queues) the feed. */
    public boolean enabled() {
        return !host.isEmpty();
    }

    /** {@code host:port}, as the console shows it. */
    public String destination() {
        return enabled() ? (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port : "";
    }

    /** The OID of the hub's patient identifier domain, when the site gave one. */
    public Optional<String> patientIdOidIfAny() {
        return patientIdOid.isEmpty() ? Optional.empty() : Optional.of(patientIdOid);
    }

    private static String namespace(String key, String value, boolean mayBeEmpty) {
        String v = Objects.requireNonNullElse(value, "").strip();
        if (v.isEmpty() && mayBeEmpty) {
            return v;
        }
        if (!NAMESPACE.matcher(v).matches()) {
            throw new IllegalArgumentException(key + " must be 1 to 20 letters, digits, spaces, '.', '_' or '-' (no HL7"
                    + " delimiter), got '" + v + "'");
        }
        return v;
    }

    private static void within(String key, Duration value, long maxSeconds) {
        if (value == null || value.toSeconds() < 1 || value.toSeconds() > maxSeconds) {
            throw new IllegalArgumentException(key + " must be between 1 and " + maxSeconds + " seconds, got "
                    + (value == null ? "nothing" : value.toSeconds()));
        }
    }
}
