package fr.vigie.hardware.barcode;

/**
 * What a scanned code means, as told by {@link PayloadClassifier}. The set of kinds is closed, so
 * a chain of {@code instanceof} patterns (a pattern {@code switch} from Java 21 on) covers it:
 *
 * <pre>{@code
 * ScannedPayload p = classifier.classify(code);
 * if (p instanceof InsDataMatrix ins) {
 *     showIdentity(ins.matricule().masked(), ins.traits());
 * } else if (p instanceof EPrescription rx) {
 *     visit.attach(rx.number());
 * } else if (p instanceof UnknownPayload unknown) {
 *     screen.say(unknown.reason());
 * } // TwoDDoc, ApcvToken …
 * }</pre>
 *
 * Every implementation is immutable, and its {@code toString()} shows no personal data.
 */
public sealed interface ScannedPayload permits InsDataMatrix, TwoDDoc, ApcvToken, EPrescription, UnknownPayload {

    /** A short human name of the kind: "INS DataMatrix", "2D-Doc", "ApCV token", "e-prescription", "unknown". */
    String kind();
}
