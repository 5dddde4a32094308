package fr.vigie.protocol.identity;

/**
 * The OID that says what kind of matricule an INS carries. Only {@link #INS_NIR} and
 * {@link #INS_NIA} designate real people; the test and demo OIDs mark identities of national test
 * and demonstration data sets, which a production site should refuse.
 *
 * <pre>{@code
 * InsOid oid = InsOid.parse("1.2.250.1.213.1.4.8");   // INS_NIR
 * }</pre>
 */
public enum InsOid {
    INS_NIR("1.2.250.1.213.1.4.8", "INS-NIR"),
    INS_NIA("1.2.250.1.213.1.4.9", "INS-NIA"),
    INS_NIR_TEST("1.2.250.1.213.1.4.10", "INS-NIR-TEST"),
    INS_NIR_DEMO("1.2.250.1.213.1.4.11", "INS-NIR-DEMO");

    private final String oid;
    private final String label;

    InsOid(String oid, String label) {
        this.oid = oid;
        this.label = label;
    }

    /** The dotted OID, e.g. {@code 1.2.250.1.213.1.4.8}. */
    public String oid() {
        return oid;
    }

    /** The usual name, e.g. {@code INS-NIR}. */
    public String label() {
        return label;
    }

    /** Whether this OID marks test or demonstration data rather than a real person. */
    public boolean isTestOrDemo() {
        return this == INS_NIR_TEST || this == INS_NIR_DEMO;
    }

    /**
     * The INS OID written as {@code text} (surrounding spaces ignored).
     *
     * @throws IdentityException {@link IdentityError#OID_UNKNOWN} for anything else
     */
    public static InsOid parse(String text) throws IdentityException {
        String t = text == null ? "" : text.strip();
        for (InsOid o : values()) {
            if (o.oid.equals(t)) {
                return o;
            }
        }
        StringBuilder known = new StringBuilder();
        for (InsOid o : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(o.oid).append(' ').append(o.label);
        }
        String shown = t.isEmpty() ? "no OID was given" : "OID '" + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
                + "' is not an INS OID";
        throw new IdentityException(IdentityError.OID_UNKNOWN, shown + " (known: " + known + ")");
    }
}
