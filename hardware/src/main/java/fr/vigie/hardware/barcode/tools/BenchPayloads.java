package fr.vigie.hardware.barcode.tools;

import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Random;

/** Plausible, made-up payloads for the bench: e-prescriptions, ApCV tokens and web links in QR codes, INS DataMatrix. */
final class BenchPayloads {
    private static final String[] NAMES = {"D'ARTAGNAN DE L'HERAULT", "MARTIN", "LE GOFF-KERGUELEN", "N'DIAYE",
        "DE LA FONTAINE", "BERNARD", "O'NEILL", "PETIT-JEAN", "DUPONT", "VAN DER BERG"};
    private static final String[] PRENOMS = {"JEAN-PIERRE MARIE", "ANNE", "MARIE-CLAIRE JOSEPHINE", "PIERRE-ALAIN",
        "LOUISE ANNE", "HELENE", "JEAN", "ZOE MARGUERITE", "D'ARCY", "JULIE-ANNE SOPHIE"};
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

    private BenchPayloads() {
    }

    static String qr(int index, Random random) {
        return switch (index % 5) {
            case 3 -> apcv(random);
            case 4 -> "https://vigie.example/v/" + alnum(random, 20);
            default -> "ORDO:" + alnum(random, 4) + "-" + alnum(random, 4) + "-" + alnum(random, 4) + "-"
                    + alnum(random, 4) + "-" + index;
        };
    }

    private static String apcv(Random random) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] payload = new byte[120];
        byte[] signature = new byte[64];
        random.nextBytes(payload);
        random.nextBytes(signature);
        return "APCV1." + b64.encodeToString("{\"alg\":\"ES256\",\"kid\":\"apcv-1\"}".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)) + "." + b64.encodeToString(payload) + "."
                + b64.encodeToString(signature);
    }

    static String insDataMatrix(Random random) {
        try {
            boolean female = random.nextBoolean();
            int year = 1930 + random.nextInt(90);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            String department = String.format("%02d", 1 + random.nextInt(95));
            String body = (female ? "2" : "1") + String.format("%02d%02d", year % 100, month) + department
                    + String.format("%03d%03d", 1 + random.nextInt(999), 1 + random.nextInt(999));
            int key = InsMatricule.computeKey(body);
            InsMatricule matricule = InsMatricule.parse(body + String.format("%02d", key));
            TraitsInput in = TraitsInput.of(NAMES[random.nextInt(NAMES.length)], PRENOMS[random.nextInt(PRENOMS.length)],
                    female ? "F" : "M", String.format("%04d-%02d-%02d", year, month, day))
                    .withLieuNaissance(department + String.format("%03d", 1 + random.nextInt(999)));
            StrictTraits traits = StrictTraits.check(in, TODAY).orThrow();
            return InsDataMatrix.encode(matricule, InsOid.INS_NIR_TEST, traits, RnivStatus.QUAL).text();
        } catch (IdentityException | BarcodeRejectedException e) {
            throw new IllegalStateException("bench identity generation broke: " + e.getMessage(), e);
        }
    }

    private static String alnum(Random random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return b.toString();
    }
}
