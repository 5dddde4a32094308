package fr.vigie.hardware.barcode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Tells what a {@link ScannedCode} is, by its first characters, and parses it:
 *
 * <ul>
 *   <li>{@code IS} + 2 digits: {@link InsDataMatrix} (only {@code IS01} is known; a QR code carrying it
 *       is {@linkplain BarcodeError#BARCODE_MISLABELLED mislabelled}: the INS is printed as DataMatrix);</li>
 *   <li>{@code DC} + 2 digits: {@link TwoDDoc} (a 2D-Doc is a DataMatrix too);</li>
 *   <li>{@code APCV} + digits + {@code .}: {@link ApcvToken};</li>
 *   <li>the whole text matching the {@link EPrescriptionRule}: {@link EPrescription};</li>
 *   <li>anything else: {@link UnknownPayload}, with the reason.</li>
 * </ul>
 *
 * A code that announces a kind but breaks its rules is rejected, never passed on as unknown.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * PayloadClassifier classifier = PayloadClassifier.standard(clock);
 * try {
 *     ScannedPayload p = classifier.classify(code);
 * } catch (BarcodeRejectedException e) {
 *     screen.say(e.getMessage());       // e.error(): INS_DM_FIELD_MISSING, TWODDOC_BAD_DATE…
 * }
 * }</pre>
 */
public final class PayloadClassifier {
    private final Clock clock;
    private final EPrescriptionRule prescriptions;
    private final Map<String, Integer> twoDDocFixedLengths;

    private PayloadClassifier(Clock clock, EPrescriptionRule prescriptions, Map<String, Integer> twoDDocFixedLengths) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.prescriptions = Objects.requireNonNull(prescriptions, "prescriptions");
        this.twoDDocFixedLengths = Map.copyOf(twoDDocFixedLengths);
    }

    /**
     * The default classifier.
     *
     * @param clock gives today's date in the site's zone, to refuse birth dates in the future
     */
    public static PayloadClassifier standard(Clock clock) {
        return new PayloadClassifier(clock, EPrescriptionRule.defaults(), Map.of());
    }

    /** The same classifier with another e-prescription rule. */
    public PayloadClassifier withEPrescriptionRule(EPrescriptionRule rule) {
        return new PayloadClassifier(clock, rule, twoDDocFixedLengths);
    }

    /** The same classifier with a 2D-Doc field dictionary: the length of each fixed-length field id. */
    public PayloadClassifier withTwoDDocFixedLengths(Map<String, Integer> fixedLengths) {
        return new PayloadClassifier(clock, prescriptions, fixedLengths);
    }

    /**
     * What {@code code} is.
     *
     * @throws BarcodeRejectedException when it announces a kind but breaks its rules
     */
    public ScannedPayload classify(ScannedCode code) throws BarcodeRejectedException {
        String text = code.text();
        if (text.matches("(?s)IS[0-9]{2}.*") || text.length() >= 2 && text.length() < 4 && "IS01".startsWith(text)) {
            requireDataMatrix(code, "an INS DataMatrix");
            return InsDataMatrix.parse(text, LocalDate.now(clock));
        }
        if (text.matches("(?s)DC[0-9]{2}.*")) {
            requireDataMatrix(code, "a 2D-Doc");
            return TwoDDoc.parse(text, twoDDocFixedLengths);
        }
        if (text.matches("(?s)APCV[0-9]+\\..*")) {
            return ApcvToken.parse(text);
        }
        var prescription = prescriptions.match(text);
        if (prescription.isPresent()) {
            return prescription.get();
        }
        return new UnknownPayload(code, unknownReason(text));
    }

    private static void requireDataMatrix(ScannedCode code, String what) throws BarcodeRejectedException {
        if (code.format() == BarcodeFormat.QR_CODE) {
            throw new BarcodeRejectedException(BarcodeError.BARCODE_MISLABELLED, "a QR code carries " + what
                    + " payload, which is only ever printed as a DataMatrix: refusing a possible forgery or copy");
        }
    }

    private static String unknownReason(String text) {
        if (text.isBlank()) {
            return "the code is empty";
        }
        if (text.matches("(?i)https?://.*")) {
            return "the code holds a web address, not an identity, document or prescription";
        }
        return "the code (" + text.length() + " characters) has no INS DataMatrix (IS01), 2D-Doc (DC) or ApCV ("
                + ApcvToken.PREFIX + ") header and is not an e-prescription number";
    }

    @Override
    public String toString() {
        return "PayloadClassifier[e-prescription " + prescriptions.pattern().pattern() + "]";
    }
}
