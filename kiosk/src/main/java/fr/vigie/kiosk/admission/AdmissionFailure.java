package fr.vigie.kiosk.admission;

import fr.vigie.protocol.identity.TraitsVerdict;
import java.util.List;
import java.util.Objects;

/**
 * An admission step that gave no identity, with the stable code the screens translate: the hub's
 * ({@code INSI_NO_MATCH}, {@code INSI_SEVERAL_MATCHES}, {@code INSI_UNAVAILABLE}, {@code APCV_EXPIRED},
 * {@code RNIV_INSI_NOT_ALLOWED}…), the kiosk's own ({@link #AGENT_NOT_SIGNED_IN}, {@link #TRAITS_INVALID},
 * {@link #NO_PATIENT}, {@link #NOT_QUALIFIED}, {@link #BARCODE_UNKNOWN}, a barcode code such as
 * {@code BARCODE_MISLABELLED}, the agent proof's {@link AgentProof#CARD_NEEDED} and {@link AgentProof#CARD_ERROR})
 * or {@code HUB_UNREACHABLE}; the hub's agent-proof codes ({@code NOT_AN_ADMISSION_DESK}, {@code AGENT_NOT_PROVEN},
 * {@code AGENT_CERT_REVOKED}…, see {@link fr.vigie.protocol.AgentProofApi}). Messages carry no trait value and no token.
 */
public final class AdmissionFailure extends Exception {
    /** No clinician session is open at the kiosk: admission needs a signed-in agent. */
    public static final String AGENT_NOT_SIGNED_IN = "AGENT_NOT_SIGNED_IN";
    /** The typed traits were refused locally: see {@link #traitRejections()}. */
    public static final String TRAITS_INVALID = "TRAITS_INVALID";
    /** The step needs a patient found first (document check, prescription, DataMatrix). */
    public static final String NO_PATIENT = "NO_PATIENT";
    /** The INS DataMatrix is printed for a qualified identity only. */
    public static final String NOT_QUALIFIED = "NOT_QUALIFIED";
    /** The scanned code is neither an ApCV token nor an e-prescription. */
    public static final String BARCODE_UNKNOWN = "BARCODE_UNKNOWN";
    /** The chosen Vitale beneficiary does not exist. */
    public static final String NO_SUCH_BENEFICIARY = "NO_SUCH_BENEFICIARY";
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient List<TraitsVerdict.Rejection> traits;

    public AdmissionFailure(String code, String message) {
        this(code, message, List.of());
    }

    AdmissionFailure(String code, String message, List<TraitsVerdict.Rejection> traits) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.traits = List.copyOf(traits);
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    /** For {@link #TRAITS_INVALID}: every trait refused, with its code. */
    public List<TraitsVerdict.Rejection> traitRejections() {
        return traits;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
