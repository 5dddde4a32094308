package fr.vigie.kiosk.admission;

import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.device.DeviceError;
import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admission step that gave no identity, with the stable code the screens translate: a code of the device
 * API ({@link #error()}: the hub's {@link AdmissionError}s such as {@code INSI_NO_MATCH}, {@code APCV_EXPIRED},
 * {@code RNIV_INSI_NOT_ALLOWED}, {@code IDENTITY_MISMATCH} with the {@link #comparison()}; its
 * {@link fr.vigie.protocol.device.AgentError}s such as {@code NOT_AN_ADMISSION_DESK}, {@code AGENT_NOT_PROVEN},
 * {@code AGENT_CERT_REVOKED}; or the client's {@code HUB_UNREACHABLE}), or the kiosk's own
 * ({@link #AGENT_NOT_SIGNED_IN}, {@link #TRAITS_INVALID}, {@link #NO_PATIENT}, {@link #NOT_QUALIFIED},
 * {@link #BARCODE_UNKNOWN}, a barcode code such as {@code BARCODE_MISLABELLED}, the agent proof's
 * {@link AgentProof#CARD_NEEDED} and {@link AgentProof#CARD_ERROR}, the label printer's
 * {@link AdmissionDesk#PRINTER_NOT_CONFIGURED} and {@link fr.vigie.hardware.print.PrintError} codes). Messages carry
 * no trait value and no token.
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

    /**
     * The record's identity and the one returned, side by side, as the hub sent them (values already in
     * the INSi alphabet). Immutable.
     *
     * @param source who returned the identity: INSi ({@code TRAITS}, {@code VITALE}) or the ApCV
     * @param recordId the record the answer was for
     * @param rows the five strict traits, in {@link Trait} order
     * @param returnedInsMasked the INS returned, masked
     */
    public record Comparison(IdentitySource source, long recordId, List<Row> rows, String returnedInsMasked) {
        public Comparison {
            Objects.requireNonNull(source, "source");
            rows = List.copyOf(rows);
        }

        /** Whether the identity came from the ApCV rather than INSi. */
        public boolean fromApcv() {
            return source == IdentitySource.APCV;
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
    private final transient DeviceError error;
    private final transient List<TraitsVerdict.Rejection> traits;
    private final transient Comparison comparison;

    /**
     * A failure with one of the kiosk's own codes (the barcode check's may share a name with the hub's, e.g. a
     * truncated ApCV token refused {@code APCV_MALFORMED} before it is sent). Codes of the device API are given
     * as their {@link DeviceError}.
     */
    public AdmissionFailure(String code, String message) {
        this(code, message, List.of());
    }

    AdmissionFailure(String code, String message, List<TraitsVerdict.Rejection> traits) {
        this(code, null, message, traits, null);
    }

    /** A failure with a code of the device API: the hub's refusal, or the client's when the hub gave no answer. */
    public AdmissionFailure(DeviceError error, String message) {
        this(error.name(), error, message, List.of(), null);
    }

    /** An answer the hub did not apply to a record, with both identities. */
    AdmissionFailure(DeviceError error, String message, Comparison comparison) {
        this(error.name(), error, message, List.of(), Objects.requireNonNull(comparison, "comparison"));
    }

    private AdmissionFailure(String code, DeviceError error, String message, List<TraitsVerdict.Rejection> traits,
            Comparison comparison) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.error = error;
        this.traits = List.copyOf(traits);
        this.comparison = comparison;
    }

    /** The stable code, as the screens key their words: the device API code's name, or the kiosk's own. */
    public String code() {
        return code;
    }

    /** The device API's code, when the failure is the hub's refusal or the client's; empty for the kiosk's own. */
    public Optional<DeviceError> error() {
        return Optional.ofNullable(error);
    }

    /** Whether the failure is {@code expected}, a code of the device API. */
    public boolean is(DeviceError expected) {
        return expected.equals(error);
    }

    /** For {@link #TRAITS_INVALID}: every trait refused, with its code. */
    public List<TraitsVerdict.Rejection> traitRejections() {
        return traits;
    }

    /** For {@code IDENTITY_MISMATCH} and {@code IDENTITY_CHANGE_REQUESTED}: both identities; empty otherwise. */
    public Optional<Comparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
