package fr.vigie.hub.identity.rniv;

import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.RnivError;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.RnivStatus;
import java.util.Locale;
import java.util.Objects;

/**
 * Something that happened to an identity and may change its {@link RnivStatus}; given to
 * {@link RnivTransitions#apply(RnivState, RnivAction)}. Immutable. Only
 * {@link Kind#DOCUMENT_CHECKED} carries a {@link #document()}; only the two attribute kinds carry an
 * {@link #attribute()}.
 *
 * <pre>{@code
 * RnivAction.documentChecked(HighTrustDocument.PASSPORT);
 * RnivAction.attributeSet(IdentityAttribute.DOUT);
 * RnivAction.parse("INSI_RETRIEVED", null, null);
 * }</pre>
 */
public record RnivAction(Kind kind, HighTrustDocument document, IdentityAttribute attribute) {

    /** What happened. */
    public enum Kind {
        /** INSi returned one identity (by Vitale card or by traits) and its traits were recorded. */
        INSI_RETRIEVED,
        /** INSi confirmed an INS already held (verification call). */
        INSI_VERIFIED,
        /** The traits were checked against a high-trust document. */
        DOCUMENT_CHECKED,
        /** An attribute (DOUT, FICT, HOMA) was set. */
        ATTRIBUTE_SET,
        /** An attribute was cleared. */
        ATTRIBUTE_CLEARED,
        /** The INS and traits came from the ApCV: qualified without an INSi call. */
        APCV_QUALIFIED,
        /** INSi reported the held INS as no longer valid. */
        INS_INVALIDATED,
        /** A strict trait was changed locally. */
        STRICT_TRAIT_CHANGED
    }

    public RnivAction {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DOCUMENT_CHECKED) != (document != null)) {
            throw new IllegalArgumentException("a document goes with DOCUMENT_CHECKED and only with it");
        }
        boolean attributeKind = kind == Kind.ATTRIBUTE_SET || kind == Kind.ATTRIBUTE_CLEARED;
        if (attributeKind != (attribute != null)) {
            throw new IllegalArgumentException("an attribute goes with ATTRIBUTE_SET/CLEARED and only with them");
        }
    }

    /** An action of a kind that carries neither document nor attribute. */
    public static RnivAction of(Kind kind) {
        return new RnivAction(kind, null, null);
    }

    public static RnivAction documentChecked(HighTrustDocument document) {
        return new RnivAction(Kind.DOCUMENT_CHECKED, Objects.requireNonNull(document), null);
    }

    public static RnivAction attributeSet(IdentityAttribute attribute) {
        return new RnivAction(Kind.ATTRIBUTE_SET, null, Objects.requireNonNull(attribute));
    }

    public static RnivAction attributeCleared(IdentityAttribute attribute) {
        return new RnivAction(Kind.ATTRIBUTE_CLEARED, null, Objects.requireNonNull(attribute));
    }

    /**
     * Parses an action from request text: the kind's name, plus the document for DOCUMENT_CHECKED
     * and the attribute for ATTRIBUTE_SET/CLEARED (case aside). Rejects unknown names and missing or
     * superfluous parts with {@link RnivError#RNIV_BAD_ACTION}, the Vitale card with
     * {@link RnivError#RNIV_NOT_A_HIGH_TRUST_DOCUMENT}.
     */
    public static RnivAction parse(String kind, String document, String attribute) throws RnivException {
        Kind k = enumValue(Kind.class, kind, "action");
        HighTrustDocument doc = blank(document) ? null : HighTrustDocument.parse(document);
        IdentityAttribute attr = blank(attribute) ? null : enumValue(IdentityAttribute.class, attribute, "attribute");
        try {
            return new RnivAction(k, doc, attr);
        } catch (IllegalArgumentException e) {
            throw new RnivException(RnivError.RNIV_BAD_ACTION, e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String what) throws RnivException {
        if (!blank(text)) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                    return e;
                }
            }
        }
        throw new RnivException(RnivError.RNIV_BAD_ACTION, what + " '" + text + "' is unknown");
    }

    @Override
    public String toString() {
        return kind + (document != null ? "(" + document + ")" : "") + (attribute != null ? "(" + attribute + ")" : "");
    }
}
