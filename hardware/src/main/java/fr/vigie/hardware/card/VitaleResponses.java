package fr.vigie.hardware.card;

import fr.vigie.hardware.card.apdu.Tlv;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Strict parsing of Vitale beneficiary templates. */
final class VitaleResponses {
    private static final Pattern NIR = Pattern.compile("[12378][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{6}(?:[0-9]{2})?");
    private static final int MAX_NAME = 100;

    private VitaleResponses() {
    }

    static VitaleBeneficiary beneficiary(Tlv template) throws CardRejectedException {
        String nir = null, family = null, given = null, birth = null;
        int rang = 1;
        for (Tlv t : template.children()) {
            switch (t.tag()) {
                case 0x93 -> nir = text(t, 15);
                case 0x80 -> family = text(t, MAX_NAME);
                case 0x81 -> given = text(t, MAX_NAME);
                case 0x82 -> birth = text(t, 8);
                case 0x83 -> rang = rang(text(t, 1));
                default -> { } // other tags (nationality, ...) are not needed here
            }
        }
        if (family == null || family.isBlank()) {
            throw malformed("beneficiary without family name (80)");
        }
        if (birth == null) {
            throw malformed("beneficiary without birth date (82)");
        }
        if (nir != null && !NIR.matcher(nir).matches()) {
            throw malformed("beneficiary NIR is not 13 or 15 characters of a NIR");
        }
        return new VitaleBeneficiary(Optional.ofNullable(nir), family.trim(), given == null ? "" : given.trim(),
                VitaleBirthDate.parse(birth), rang);
    }

    private static int rang(String digit) throws CardRejectedException {
        if (digit.length() != 1 || digit.charAt(0) < '1' || digit.charAt(0) > '9') {
            throw malformed("birth rank (83) is not a digit 1..9");
        }
        return digit.charAt(0) - '0';
    }

    private static String text(Tlv t, int max) throws CardRejectedException {
        if (t.length() == 0 || t.length() > max) {
            throw malformed(String.format("field %X of %d bytes (1..%d expected)", t.tag(), t.length(), max));
        }
        byte[] v = t.value();
        for (byte b : v) {
            if ((b & 0xFF) < 0x20 || b == 0x7F) {
                throw malformed(String.format("field %X holds a control byte", t.tag()));
            }
        }
        return new String(v, StandardCharsets.ISO_8859_1);
    }

    private static CardRejectedException malformed(String why) {
        return new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, "Vitale: " + why);
    }
}
