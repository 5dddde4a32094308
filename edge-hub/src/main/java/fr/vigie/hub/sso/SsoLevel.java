package fr.vigie.hub.sso;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How strongly the clinician of an SSO session authenticated, as applications read it in the ID token's
 * {@code acr} and {@code amr} (RFC 8176 values). Levels are ordered by {@link #rank()}: a client registered
 * with a minimum level, or asking with {@code acr_values}, is answered only from a session whose level ranks
 * at least as high; otherwise it gets a step-up demand ({@code login_required}).
 *
 * <table>
 * <caption>levels</caption>
 * <tr><th>level</th><th>acr</th><th>amr</th><th>rank</th></tr>
 * <tr><td>{@link #CONTACTLESS_TAP}</td><td>{@code urn:vigie:acr:cps-tap}</td><td>sc, hwk</td><td>1</td></tr>
 * <tr><td>{@link #PSC_ECPS}</td><td>{@code eidas1}</td><td>mca, mfa</td><td>2</td></tr>
 * <tr><td>{@link #CARD_PIN}</td><td>{@code urn:vigie:acr:cps-pin}</td><td>sc, pin, mfa</td><td>2</td></tr>
 * </table>
 * Card + PIN and e-CPS through Pro Santé Connect ({@code eidas1}, PSC's own value) are both two factors and
 * rank alike; a tap (possession only, inside the re-authentication window after a card + PIN sign-in) ranks
 * lower.
 */
public enum SsoLevel {
    /** A contactless tap of the CPS card (no PIN) inside the re-authentication window. */
    CONTACTLESS_TAP("urn:vigie:acr:cps-tap", 1, List.of("sc", "hwk")),
    /** e-CPS (or card) through Pro Santé Connect, whose sign-in is bound to the kiosk session. */
    PSC_ECPS("eidas1", 2, List.of("mca", "mfa")),
    /** The CPS card in contact, PIN verified by the card: two factors. */
    CARD_PIN("urn:vigie:acr:cps-pin", 2, List.of("sc", "pin", "mfa"));

    private final String acr;
    private final int rank;
    private final List<String> amr;

    SsoLevel(String acr, int rank, List<String> amr) {
        this.acr = acr;
        this.rank = rank;
        this.amr = amr;
    }

    /** The {@code acr} value. */
    public String acr() {
        return acr;
    }

    /** The {@code amr} values. */
    public List<String> amr() {
        return amr;
    }

    /** Higher is stronger. */
    public int rank() {
        return rank;
    }

    /** Whether a session of this level may answer a request that needs {@code needed}. */
    public boolean satisfies(SsoLevel needed) {
        return rank >= needed.rank;
    }

    /** The level whose {@code acr} is {@code acr}, or whose name is {@code acr}. */
    public static Optional<SsoLevel> byAcr(String acr) {
        for (SsoLevel l : values()) {
            if (l.acr.equals(acr) || l.name().equals(acr)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The lowest level among the {@code acr_values} a client asked for that this OP knows (the client accepts
     * any of them); empty when it named none it knows.
     */
    public static Optional<SsoLevel> weakestOf(Collection<String> acrValues) {
        return acrValues.stream().map(SsoLevel::byAcr).flatMap(Optional::stream)
                .min((a, b) -> Integer.compare(a.rank, b.rank));
    }

    /** Every {@code acr} value, for discovery's {@code acr_values_supported}. */
    public static List<String> acrValues() {
        return java.util.Arrays.stream(values()).map(SsoLevel::acr).toList();
    }
}
