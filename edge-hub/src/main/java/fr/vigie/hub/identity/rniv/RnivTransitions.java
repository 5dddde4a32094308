package fr.vigie.hub.identity.rniv;

import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.RnivError;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.RnivStatus;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The one RNIV state machine: given an identity's {@link RnivState} and an {@link RnivAction}, the
 * new state, or a rejection with a stable {@link RnivError} code. Every status change in Vigie goes
 * through {@link #apply}. Stateless and thread-safe.
 *
 * <p>Rules (DOMAIN §3), on the two axes I (INSi) and C (document):
 * <ul>
 * <li>DOUT or FICT set: the identity is PROV; INSi actions are refused with
 *     {@link RnivError#RNIV_INSI_NOT_ALLOWED}, a document check or an ApCV qualification with
 *     {@link RnivError#RNIV_DOUBTFUL_STAYS_PROV}. Setting DOUT or FICT drops any status to PROV;
 *     clearing it leaves PROV (the checks must be made again). HOMA changes no status.</li>
 * <li>{@code INSI_RETRIEVED} sets I: PROV→RECUP, VALI→QUAL. When I is already set it is refused with
 *     {@link RnivError#RNIV_FORBIDDEN_TRANSITION}: a held INS is re-checked with {@code INSI_VERIFIED}.</li>
 * <li>{@code INSI_VERIFIED} keeps RECUP or QUAL; without an INS (PROV, VALI) {@link RnivError#RNIV_NO_INS}.</li>
 * <li>{@code DOCUMENT_CHECKED} sets C: PROV→VALI, RECUP→QUAL; VALI and QUAL stay (another document).</li>
 * <li>{@code APCV_QUALIFIED}: QUAL from any status, without an INSi call.</li>
 * <li>{@code INS_INVALIDATED} clears I: RECUP→PROV, QUAL→VALI (the document check still holds for the
 *     traits); PROV, VALI → {@link RnivError#RNIV_NO_INS}.</li>
 * <li>{@code STRICT_TRAIT_CHANGED}: any status → PROV. Our reading: both the INSi result and the
 *     document check were comparisons of these very five traits, so changing one voids both axes;
 *     the identity must be retrieved and checked again. Complementary traits (nom/prénom utilisé)
 *     are not strict and change nothing.</li>
 * <li>{@code ATTRIBUTE_SET} of an attribute already set is accepted and changes nothing;
 *     {@code ATTRIBUTE_CLEARED} of one not set is {@link RnivError#RNIV_ATTRIBUTE_NOT_SET}.</li>
 * </ul>
 *
 * <pre>{@code
 * RnivState s = RnivTransitions.apply(RnivState.initial(), RnivAction.of(Kind.INSI_RETRIEVED)); // RECUP
 * s = RnivTransitions.apply(s, RnivAction.documentChecked(HighTrustDocument.PASSPORT));          // QUAL
 * }</pre>
 */
public final class RnivTransitions {
    private RnivTransitions() {
    }

    /** Whether INSi may be called for an identity: not when DOUT or FICT is set. */
    public static boolean mayCallInsi(RnivStatus status, Set<IdentityAttribute> attributes) {
        Objects.requireNonNull(status, "status");
        return attributes.stream().noneMatch(IdentityAttribute::blocksQualification);
    }

    /** The state after {@code action}, or a rejection saying why the action does not apply. */
    public static RnivState apply(RnivState state, RnivAction action) throws RnivException {
        RnivStatus s = state.status();
        Set<IdentityAttribute> attrs = state.attributes();
        boolean blocked = state.doubtfulOrFictitious();
        switch (action.kind()) {
            case INSI_RETRIEVED -> {
                requireInsiAllowed(blocked);
                if (s.insi()) {
                    throw reject(RnivError.RNIV_FORBIDDEN_TRANSITION, "the INS is already retrieved (" + s
                            + "); verify it with INSI_VERIFIED");
                }
                return next(RnivStatus.of(true, s.document()), attrs);
            }
            case INSI_VERIFIED -> {
                requireInsiAllowed(blocked);
                requireIns(s, "verify");
                return state;
            }
            case DOCUMENT_CHECKED -> {
                requireNotBlocked(blocked, "a document check");
                return next(RnivStatus.of(s.insi(), true), attrs);
            }
            case APCV_QUALIFIED -> {
                requireNotBlocked(blocked, "an ApCV qualification");
                return next(RnivStatus.QUAL, attrs);
            }
            case INS_INVALIDATED -> {
                requireIns(s, "invalidate");
                return next(RnivStatus.of(false, s.document()), attrs);
            }
            case STRICT_TRAIT_CHANGED -> {
                return next(RnivStatus.PROV, attrs);
            }
            case ATTRIBUTE_SET -> {
                Set<IdentityAttribute> more = EnumSet.of(action.attribute());
                more.addAll(attrs);
                return next(action.attribute().blocksQualification() ? RnivStatus.PROV : s, more);
            }
            case ATTRIBUTE_CLEARED -> {
                if (!attrs.contains(action.attribute())) {
                    throw reject(RnivError.RNIV_ATTRIBUTE_NOT_SET, action.attribute() + " is not set");
                }
                Set<IdentityAttribute> fewer = EnumSet.noneOf(IdentityAttribute.class);
                fewer.addAll(attrs);
                fewer.remove(action.attribute());
                return next(s, fewer);
            }
            default -> throw new IllegalStateException("unhandled action " + action.kind());
        }
    }

    private static void requireInsiAllowed(boolean blocked) throws RnivException {
        if (blocked) {
            throw reject(RnivError.RNIV_INSI_NOT_ALLOWED, "INSi must not be called for a DOUT or FICT identity");
        }
    }

    private static void requireNotBlocked(boolean blocked, String what) throws RnivException {
        if (blocked) {
            throw reject(RnivError.RNIV_DOUBTFUL_STAYS_PROV, "a DOUT or FICT identity stays PROV: " + what
                    + " does not apply; clear the attribute first");
        }
    }

    private static void requireIns(RnivStatus s, String verb) throws RnivException {
        if (!s.insi()) {
            throw reject(RnivError.RNIV_NO_INS, "a " + s + " identity has no INS obtained through INSi to " + verb);
        }
    }

    private static RnivState next(RnivStatus status, Set<IdentityAttribute> attrs) {
        return new RnivState(status, attrs);
    }

    private static RnivException reject(RnivError error, String reason) {
        return new RnivException(error, reason);
    }
}
