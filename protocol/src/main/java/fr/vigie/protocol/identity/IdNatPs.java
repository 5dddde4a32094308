package fr.vigie.protocol.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The national identifier of a health professional or of a structure's staff member, idNat_PS:
 * a one-digit type ({@link Type}) followed by the identifier in the register of that type. It is
 * the CN of a CPS card's authentication certificate and the {@code SubjectNameID} of a Pro Santé
 * Connect token, so sessions compare the two with {@link #equals(Object)}.
 *
 * <p>Accepted shapes (nomenclature TRE_G08 of the ANS):
 * <ul>
 * <li>{@code 8} + RPPS number: 11 digits, the last being a Luhn check digit, verified here;</li>
 * <li>{@code 0} + ADELI number: 9 characters, digits, the first two possibly {@code 2A}/{@code 2B}
 *     (Corsica; <em>unconfirmed</em>);</li>
 * <li>{@code 1|3|4|5|6} + structure identifier + {@code /} + the structure's own number for the
 *     person: {@code 3} FINESS (9 characters like ADELI), {@code 4} SIREN (9 digits), {@code 5} SIRET
 *     (14 digits), {@code 1} ADELI practice and {@code 6} RPPS practice (1 to 20 letters or digits).
 *     The person's number is 1 to 50 visible ASCII characters without {@code /}; that bound is
 *     Vigie's, no public rule being known.</li>
 * </ul>
 * Nothing is normalised except surrounding spaces: an identifier that is compared across systems
 * must be written one way. Immutable and thread-safe.
 *
 * <pre>{@code
 * IdNatPs ps = IdNatPs.parse("810001234565");   // type RPPS
 * ps.rpps();                                    // Optional[10001234567]
 * }</pre>
 */
public final class IdNatPs {
    private static final Pattern ADELI_OR_FINESS = Pattern.compile("(?:[0-9]{2}|2A|2B)[0-9]{7}");
    private static final Pattern PRACTICE = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern REGISTRE = Pattern.compile("[\\x21-\\x2E\\x30-\\x7E]{1,50}");

    /** The identifier types, by their one-digit prefix. */
    public enum Type {
        ADELI('0', "N° ADELI"),
        CABINET_ADELI('1', "Id cabinet ADELI / N° de registre"),
        FINESS('3', "FINESS / N° de registre"),
        SIREN('4', "SIREN / N° de registre"),
        SIRET('5', "SIRET / N° de registre"),
        CABINET_RPPS('6', "Id cabinet RPPS / N° de registre"),
        RPPS('8', "N° RPPS");

        private final char prefix;
        private final String label;

        Type(char prefix, String label) {
            this.prefix = prefix;
            this.label = label;
        }

        public char prefix() {
            return prefix;
        }

        public String label() {
            return label;
        }

        /** Whether the identifier is a structure's and the person's number within it, split by {@code /}. */
        public boolean isStructureScoped() {
            return this != ADELI && this != RPPS;
        }
    }

    private final String value;
    private final Type type;

    private IdNatPs(String value, Type type) {
        this.value = value;
        this.type = type;
    }

    /**
     * Reads an idNat_PS.
     *
     * @throws IdentityException {@link IdentityError#IDNAT_TYPE} for an unknown prefix,
     *     {@link IdentityError#IDNAT_FORMAT} for a wrong shape, {@link IdentityError#RPPS_KEY_MISMATCH}
     *     for an RPPS number whose check digit fails
     */
    public static IdNatPs parse(String text) throws IdentityException {
        String v = text == null ? "" : text.strip();
        if (v.isEmpty()) {
            throw format("no idNat_PS was given");
        }
        Type type = typeOf(v.charAt(0));
        String id = v.substring(1);
        switch (type) {
            case RPPS -> checkRpps(id);
            case ADELI -> require(ADELI_OR_FINESS.matcher(id).matches(),
                    "an ADELI idNat_PS is 0 followed by 9 digits (2A or 2B first for Corsica)");
            default -> checkStructureScoped(type, id);
        }
        return new IdNatPs(v, type);
    }

    /** The Luhn check digit that completes the 10 first digits of an RPPS number. */
    public static int rppsCheckDigit(String tenDigits) {
        if (tenDigits == null || !tenDigits.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("an RPPS number without its check digit has 10 digits");
        }
        return (10 - Luhn.sum(tenDigits + "0") % 10) % 10;
    }

    private static Type typeOf(char prefix) throws IdentityException {
        for (Type t : Type.values()) {
            if (t.prefix == prefix) {
                return t;
            }
        }
        throw new IdentityException(IdentityError.IDNAT_TYPE, "an idNat_PS starts with its type: 0 ADELI, 1, 3, 4,"
                + " 5 or 6 structure/number, 8 RPPS; got '" + prefix + "'");
    }

    private static void checkRpps(String rpps) throws IdentityException {
        require(rpps.matches("[0-9]{11}"),
                "an RPPS idNat_PS is 8 followed by 11 digits; got " + rpps.length() + " characters after the 8");
        int expected = rppsCheckDigit(rpps.substring(0, 10));
        if (rpps.charAt(10) - '0' != expected) {
            throw new IdentityException(IdentityError.RPPS_KEY_MISMATCH, "RPPS number " + rpps
                    + " fails its Luhn check: its last digit should be " + expected);
        }
    }

    private static void checkStructureScoped(Type type, String id) throws IdentityException {
        int slash = id.indexOf('/');
        String shape = "a " + type.label + " idNat_PS is " + type.prefix + " followed by the structure identifier, '/'"
                + " and the person's number in that structure";
        require(slash > 0 && slash < id.length() - 1, shape);
        String structure = id.substring(0, slash);
        String registre = id.substring(slash + 1);
        boolean structureOk = switch (type) {
            case FINESS -> ADELI_OR_FINESS.matcher(structure).matches();
            case SIREN -> structure.matches("[0-9]{9}");
            case SIRET -> structure.matches("[0-9]{14}");
            default -> PRACTICE.matcher(structure).matches();
        };
        String expected = switch (type) {
            case FINESS -> "9 characters (digits, 2A or 2B first for Corsica)";
            case SIREN -> "9 digits";
            case SIRET -> "14 digits";
            default -> "1 to 20 letters or digits";
        };
        require(structureOk, "the structure identifier of a " + type.label + " idNat_PS must be " + expected);
        require(REGISTRE.matcher(registre).matches(),
                "the person's number after '/' must be 1 to 50 visible ASCII characters without '/' or space");
    }

    private static void require(boolean ok, String reason) throws IdentityException {
        if (!ok) {
            throw format(reason);
        }
    }

    private static IdentityException format(String reason) {
        return new IdentityException(IdentityError.IDNAT_FORMAT, reason);
    }

    /** The whole identifier, type prefix included. */
    public String value() {
        return value;
    }

    public Type type() {
        return type;
    }

    /** The identifier without its type prefix. */
    public String nationalId() {
        return value.substring(1);
    }

    /** The 11-digit RPPS number, for type {@link Type#RPPS}. */
    public Optional<String> rpps() {
        return type == Type.RPPS ? Optional.of(nationalId()) : Optional.empty();
    }

    /** The structure identifier (FINESS, SIREN, SIRET or practice id) for structure-scoped types. */
    public Optional<String> structureId() {
        return type.isStructureScoped() ? Optional.of(nationalId().substring(0, nationalId().indexOf('/')))
                : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNatPs other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
