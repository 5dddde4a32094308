package fr.vigie.kiosk.admission;

import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admission step that gave no identity, with the stable code the screens translate: the hub's
 * ({@code INSI_NO_MATCH}, {@code INSI_SEVERAL_MATCHES}, {@code INSI_UNAVAILABLE}, {@code APCV_EXPIRED},
 * {@code RNIV_INSI_NOT_ALLOWED}, {@link #IDENTITY_MISMATCH} with the {@link #comparison()}…), the kiosk's own ({@link #AGENT_NOT_SIGNED_IN}, {@link #TRAITS_INVALID},
 * {@link #NO_PATIENT}, {@link #NOT_QUALIFIED}, {@link #BARCODE_UNKNOWN}, a barcode code such as
 * {@code BARCODE_MISLABELLED}, the agent proof's {@link AgentProof#CARD_NEEDED} and {@link AgentProof#CARD_ERROR},
 * the label printer's {@link AdmissionDesk#PRINTER_NOT_CONFIGURED} and {@link fr.vigie.hardware.print.PrintError} codes)
 * or {@code HUB_UNREACHABLE}; the hub's agent-proof codes ({@code NOT_AN_ADMISSION_DESK}, {@code AGENT_NOT_PROVEN},
 * {@code AGENT_CERT_REVOKED}…, see {@link fr.vigie.protocol.AgentProofApi}). Messages carry no trait value and no token.
 */
public final class AdmissionFailure extends Exception {
    /** No clinician session is open at the kiosk: admission needs a signed-in agent. */
    public static final String AGENT_NOT_SIGNED_IN = "AGENT_NOT_SIGNED_IN";
    /** The typed traits were refused locally: see {@link #traitRejections()}. */
    public static final String TRAITS_INVALID = "TRAITS_INVALID";
    /** The step needs a patient found first (document check, prescription, DataMatrix, label). */
    public static final String NO_PATIENT = "NO_PATIENT";
    /** The INS DataMatrix and label are printed for a qualified identity only. */
    public static final String NOT_QUALIFIED = "NOT_QUALIFIED";
    /** The scanned code is neither an ApCV token nor an e-prescription. */
    public static final String BARCODE_UNKNOWN = "BARCODE_UNKNOWN";
    /** The chosen Vitale beneficiary does not exist. */
    public static final String NO_SUCH_BENEFICIARY = "NO_SUCH_BENEFICIARY";
    private static final long serialVersionUID = 1L;

    /** The hub found the answer was another person than the record's: nothing changed, the cell was told. */
    public static final String IDENTITY_MISMATCH = "IDENTITY_MISMATCH";
    /** The answer would change a validated or qualified record: nothing changed, the cell decides. */
    public static final String IDENTITY_CHANGE_REQUESTED = "IDENTITY_CHANGE_REQUESTED";

    /**
     * The record's identity and the one returned, side by side, as the hub sent them (values already in
     * the INSi alphabet). Immutable.
     *
     * @param source {@code TRAITS}, {@code VITALE} or {@code APCV}: who returned the identity
     * @param recordId the record the answer was for
     * @param rows the five strict traits, in {@link Trait} order
     * @param returnedInsMasked the INS returned, masked
     */
    public record Comparison(String source, long recordId, List<Row> rows, String returnedInsMasked) {
        public Comparison {
            Objects.requireNonNull(source, "source");
            rows = List.copyOf(rows);
        }

        /** Whether the identity came from the ApCV rather than INSi. */
        public boolean fromApcv() {
            return "APCV".equals(source);
        }
    }

    /**
     * One strict trait on both sides; {@code null} when a side does not know it.
     *
     * @param differs whether the hub reported the two as different
     */
    public record Row(Trait trait, String local, String returned, boolean differs) {
    }

    private final String code;
    private final transient List<TraitsVerdict.Rejection> traits;
    private final transient Comparison comparison;

    public AdmissionFailure(String code, String message) {
        this(code, message, List.of());
    }

    AdmissionFailure(String code, String message, List<TraitsVerdict.Rejection> traits) {
        this(code, message, traits, null);
    }

    AdmissionFailure(String code, String message, Comparison comparison) {
        this(code, message, List.of(), Objects.requireNonNull(comparison, "comparison"));
    }

    private AdmissionFailure(String code, String message, List<TraitsVerdict.Rejection> traits, Comparison comparison) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.traits = List.copyOf(traits);
        this.comparison = comparison;
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    /** For {@link #TRAITS_INVALID}: every trait refused, with its code. */
    public List<TraitsVerdict.Rejection> traitRejections() {
        return traits;
    }

    /** For {@link #IDENTITY_MISMATCH} and {@link #IDENTITY_CHANGE_REQUESTED}: both identities; empty otherwise. */
    public Optional<Comparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
