package fr.vigie.system.bench.scan;

import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.hardware.barcode.ScannedCode;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Random;

/**
 * Made-up payloads in the shapes Vigie really scans: in QR codes, ApCV tokens ({@code APCV1.} +
 * compact JWS with the claims the sandbox issuer signs, about 600 characters) and e-prescription
 * numbers; in DataMatrix symbols, INS DataMatrix (DOMAIN §7) and 2D-Doc (header, fields, GS, US,
 * base32 P-256 signature). Deterministic for a given {@link Random}.
 */
final class BenchPayloads {
    private static final String[] NAMES = {"D'ARTAGNAN DE L'HERAULT", "MARTIN", "LE GOFF-KERGUELEN", "N'DIAYE",
        "DE LA FONTAINE", "BERNARD", "O'NEILL", "PETIT-JEAN", "DUPONT", "VAN DER BERG"};
    private static final String[] PRENOMS = {"JEAN-PIERRE MARIE", "ANNE", "MARIE-CLAIRE JOSEPHINE", "PIERRE-ALAIN",
        "LOUISE ANNE", "HELENE", "JEAN", "ZOE MARGUERITE", "D'ARCY", "JULIE-ANNE SOPHIE"};
    private static final InsOid[] OIDS = {InsOid.INS_NIR, InsOid.INS_NIR_TEST, InsOid.INS_NIR_DEMO};
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private BenchPayloads() {
    }

    /** What the {@code index}-th picture of {@code format} carries: kinds alternate. */
    static String payload(BarcodeFormat format, int index, Random random) {
        if (format == BarcodeFormat.QR_CODE) {
            return index % 2 == 0 ? apcv(random) : ePrescription(random);
        }
        return index % 3 == 2 ? twoDDoc(random) : insDataMatrix(random);
    }

    /** {@code APCV1.} + header.payload.signature, the sandbox issuer's claims, a random ES256-sized signature. */
    static String apcv(Random random) {
        Identity id = identity(random);
        String header = "{\"kid\":\"sandbox-apcv-" + uuid(random) + "\",\"typ\":\"JWT\",\"alg\":\"ES256\"}";
        long iat = 1_735_689_600L + random.nextInt(30_000_000);
        String claims = "{\"iss\":\"urn:vigie:sandbox:apcv\",\"aud\":\"site-" + (1 + random.nextInt(99)) + "\",\"iat\":"
                + iat + ",\"exp\":" + (iat + 120) + ",\"jti\":\"" + uuid(random) + "\",\"ins\":{\"matricule\":\""
                + id.matricule.value() + "\",\"oid\":\"" + id.oid.oid() + "\"},\"traits\":{\"nomNaissance\":\""
                + id.nom + "\",\"listePrenom\":\"" + id.prenoms + "\",\"sexe\":\"" + id.sexe
                + "\",\"dateNaissance\":\"" + id.date + "\",\"lieuNaissance\":\"" + id.lieu + "\"}}";
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        return "APCV1." + b64(header) + "." + b64(claims) + "." + B64URL.encodeToString(signature);
    }

    /** A prescription number, plain, grouped or prefixed: digits only, or letters and digits. */
    static String ePrescription(Random random) {
        int style = random.nextInt(4);
        return switch (style) {
            case 0 -> digits(random, 12 + random.nextInt(10));
            case 1 -> alnum(random, 4) + "-" + alnum(random, 4) + "-" + alnum(random, 4) + "-" + alnum(random, 4);
            case 2 -> "ORDO:" + alnum(random, 16 + random.nextInt(8));
            default -> alnum(random, 10 + random.nextInt(12));
        };
    }

    /** An INS DataMatrix of a random identity (strict traits checked, key computed). */
    static String insDataMatrix(Random random) {
        Identity id = identity(random);
        try {
            return InsDataMatrix.encode(id.matricule, id.oid, id.traits, RnivStatus.QUAL).text();
        } catch (BarcodeRejectedException e) {
            throw new IllegalStateException("bench identity does not fit an INS DataMatrix: " + e.getMessage(), e);
        }
    }

    /** A 2D-Doc v4 (proof of address style): header, GS-terminated fields, US, base32 of a 64-byte signature. */
    static String twoDDoc(Random random) {
        Identity id = identity(random);
        StringBuilder b = new StringBuilder("DC04FR0").append(random.nextInt(10)).append(alnum(random, 4));
        b.append(String.format("%04X", 8000 + random.nextInt(1500))).append(String.format("%04X", 8000 + random.nextInt(1500)));
        b.append("01").append("01").append("FR");
        b.append("10").append(id.nom).append(' ').append(id.prenoms.split(" ")[0])
                .append(ScannedCode.GS);
        b.append("22").append(1 + random.nextInt(199)).append(" RUE DES LILAS").append(ScannedCode.GS);
        b.append("24").append(digits(random, 5)).append("25PARIS").append(ScannedCode.GS);
        b.append(ScannedCode.US);
        for (int i = 0; i < 103; i++) {
            b.append(BASE32.charAt(random.nextInt(BASE32.length())));
        }
        return b.toString();
    }

    private record Identity(InsMatricule matricule, InsOid oid, StrictTraits traits, String nom, String prenoms,
            String sexe, String date, String lieu) {
    }

    private static Identity identity(Random random) {
        try {
            boolean female = random.nextBoolean();
            int year = 1930 + random.nextInt(90);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            String department = String.format("%02d", 1 + random.nextInt(95));
            String body = (female ? "2" : "1") + String.format("%02d%02d", year % 100, month) + department
                    + String.format("%03d%03d", 1 + random.nextInt(999), 1 + random.nextInt(999));
            InsMatricule matricule = InsMatricule.parse(body + String.format("%02d", InsMatricule.computeKey(body)));
            String lieu = department + String.format("%03d", 1 + random.nextInt(999));
            String nom = NAMES[random.nextInt(NAMES.length)];
            String prenoms = PRENOMS[random.nextInt(PRENOMS.length)];
            String sexe = female ? "F" : "M";
            String date = String.format("%04d-%02d-%02d", year, month, day);
            TraitsInput in = TraitsInput.of(nom, prenoms, sexe, date).withLieuNaissance(lieu);
            return new Identity(matricule, OIDS[random.nextInt(OIDS.length)], StrictTraits.check(in, TODAY).orThrow(), nom,
                    prenoms, sexe, date, lieu);
        } catch (IdentityException e) {
            throw new IllegalStateException("bench identity generation broke: " + e.getMessage(), e);
        }
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String alnum(Random random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    private static String digits(Random random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }
}
