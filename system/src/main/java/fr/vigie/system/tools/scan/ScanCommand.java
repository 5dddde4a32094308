package fr.vigie.system.tools.scan;

import fr.vigie.hardware.barcode.ApcvToken;
import fr.vigie.hardware.barcode.BarcodeDecoder;
import fr.vigie.hardware.barcode.BarcodeException;
import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.EPrescription;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.hardware.barcode.PayloadClassifier;
import fr.vigie.hardware.barcode.ScannedCode;
import fr.vigie.hardware.barcode.ScannedPayload;
import fr.vigie.hardware.barcode.TwoDDoc;
import fr.vigie.hardware.barcode.UnknownPayload;
import fr.vigie.protocol.identity.StrictTraits;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./vigie scan FILE…}: for each image, the kind and content of every code read, or why
 * nothing was read. An INS DataMatrix shows the matricule masked (a full NIR is never printed), the
 * OID and the traits. Exit codes: 0 every file had a code, 1 some file had none (or could not be
 * read), 2 bad usage.
 */
public final class ScanCommand {
    private static final String USAGE = "usage: ./vigie scan FILE…   (PNG, JPEG, BMP or GIF pictures of QR codes"
            + " or DataMatrix symbols)";

    private ScanCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Clock.systemDefaultZone(), System.out, System.err));
    }

    static int run(List<String> args, Clock clock, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.stream().anyMatch(a -> a.startsWith("-"))) {
            boolean help = args.contains("-h") || args.contains("--help");
            (help ? out : err).println(USAGE);
            return help ? 0 : 2;
        }
        BarcodeDecoder decoder = BarcodeDecoder.thorough();
        PayloadClassifier classifier = PayloadClassifier.standard(clock);
        boolean all = true;
        for (String name : args) {
            List<ScannedCode> codes;
            try {
                codes = decoder.read(Path.of(name));
            } catch (BarcodeException e) {
                out.println(name + ": nothing read: " + e.getMessage() + " [" + e.error() + "]");
                all = false;
                continue;
            }
            out.println(name + ": " + codes.size() + (codes.size() == 1 ? " code" : " codes"));
            for (ScannedCode code : codes) {
                out.println("  " + format(code) + ": " + describe(classifier, code));
            }
        }
        return all ? 0 : 1;
    }

    private static String format(ScannedCode code) {
        return switch (code.format()) {
            case QR_CODE -> "QR code";
            case DATA_MATRIX -> "DataMatrix";
            case UNKNOWN -> "code";
        };
    }

    static String describe(PayloadClassifier classifier, ScannedCode code) {
        ScannedPayload payload;
        try {
            payload = classifier.classify(code);
        } catch (BarcodeRejectedException e) {
            return "rejected [" + e.error() + "]: " + e.getMessage();
        }
        if (payload instanceof InsDataMatrix ins) {
            StrictTraits t = ins.traits();
            return "INS DataMatrix: matricule " + ins.matricule().masked() + ", OID " + ins.oid().oid() + " ("
                    + ins.oid().label() + "), prénoms " + t.listePrenomText() + ", nom de naissance " + t.nomNaissance()
                    + ", sexe " + t.sexe().traitCode() + ", né(e) le " + t.dateNaissance()
                    + t.lieuNaissance().map(p -> ", lieu de naissance " + p.code()).orElse("");
        }
        if (payload instanceof TwoDDoc doc) {
            StringBuilder b = new StringBuilder("2D-Doc v" + doc.version() + ": CA " + doc.caId() + ", certificate "
                    + doc.certificateId() + ", issued " + doc.issueDate().map(Object::toString).orElse("(none)")
                    + ", signed " + doc.signatureDate().map(Object::toString).orElse("(none)") + ", document type "
                    + doc.documentType());
            doc.perimeter().ifPresent(p -> b.append(", périmètre ").append(p));
            doc.country().ifPresent(c -> b.append(", country ").append(c));
            b.append(", ").append(doc.fields().size()).append(" fields:");
            doc.fields().forEach(f -> b.append(' ').append(f.id()).append('=').append(f.value()));
            return b.append(" (signature not verified)").toString();
        }
        if (payload instanceof ApcvToken apcv) {
            return "ApCV token (" + (ApcvToken.PREFIX.length() + apcv.jws().length()) + " chars, not verified here)";
        }
        if (payload instanceof EPrescription rx) {
            return "e-prescription number " + rx.number();
        }
        UnknownPayload unknown = (UnknownPayload) payload;
        // Whatever the code is, a number shaped like a NIR is not printed in full.
        String text = code.visibleText().replaceAll("[12][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{6}(?:[0-9]{2})?",
                "<NIR-like number hidden>");
        return "unknown (" + unknown.reason() + "): " + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
    }
}
