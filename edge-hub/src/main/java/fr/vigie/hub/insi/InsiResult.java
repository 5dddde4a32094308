package fr.vigie.hub.insi;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What INSi answered to a search, by its {@code CodeCR}: {@code 00} one identity, {@code 01} none,
 * {@code 02} several. A {@code 00} whose matricules all verify is a {@link OneIdentity}; a {@code 00}
 * carrying a matricule whose key does not verify is a {@link KeyNotVerified}, which holds no
 * {@link InsMatricule} and so cannot be attached to a record by mistake. Immutable;
 * {@link #toString()} shows masked matricules only.
 *
 * <pre>{@code
 * InsiResult r = client.rechercherAvecTraits(caller, query);
 * if (r instanceof InsiResult.OneIdentity one) {
 *     record.attach(one.matricule(), one.oid(), one.traits());
 * } else if (r instanceof InsiResult.KeyNotVerified odd) {
 *     screen.say("INSi's number does not verify: the identity-vigilance cell is told");
 * }
 * }</pre>
 */
public sealed interface InsiResult {

    /** The {@code CodeCR}: {@code 00}, {@code 01} or {@code 02}. */
    String codeCr();

    /** Whether INSi answered {@code 00} (a search stops there, whether or not the keys verify). */
    default boolean foundOne() {
        return codeCr().equals("00");
    }

    /** The active INS returned, masked, for logs and the audit; empty without {@code 00}. */
    default Optional<String> maskedIns() {
        return Optional.empty();
    }

    /** A warning the answer carries ({@link InsiError#INSI_KEY_NOT_VERIFIED}), if any. */
    default Optional<InsiError> warning() {
        return Optional.empty();
    }

    /**
     * The one identity found.
     *
     * @throws InsiException {@link InsiError#INSI_NO_MATCH}, {@link InsiError#INSI_SEVERAL_MATCHES} or
     *     {@link InsiError#INSI_KEY_NOT_VERIFIED}
     */
    default OneIdentity requireOne() throws InsiException {
        if (this instanceof OneIdentity one) {
            return one;
        }
        if (this instanceof NoIdentity) {
            throw new InsiException(InsiError.INSI_NO_MATCH, "INSi found no identity for these traits");
        }
        if (this instanceof KeyNotVerified odd) {
            throw new InsiException(InsiError.INSI_KEY_NOT_VERIFIED, "INSi returned INS " + odd.activeMasked()
                    + " with a matricule whose key does not verify (" + String.join(", ", odd.notVerifying())
                    + "); it is kept as sent and not used");
        }
        throw new InsiException(InsiError.INSI_SEVERAL_MATCHES,
                "INSi found several identities: add the birth place or the full list of first names");
    }

    /**
     * {@code 00}: one identity.
     *
     * @param matricule the active INS ({@code INSACTIF})
     * @param oid its OID: NIR, NIA, or a test OID
     * @param traits the traits INSi returned ({@code TIQ})
     * @param history older INS of the same person ({@code INSHISTO}), in the order received
     */
    record OneIdentity(InsMatricule matricule, InsOid oid, ReturnedTraits traits, List<HistoricIns> history)
            implements InsiResult {
        public OneIdentity {
            Objects.requireNonNull(matricule, "matricule");
            Objects.requireNonNull(oid, "oid");
            Objects.requireNonNull(traits, "traits");
            history = List.copyOf(history);
        }

        @Override
        public String codeCr() {
            return "00";
        }

        @Override
        public Optional<String> maskedIns() {
            return Optional.of(matricule.masked());
        }
    }

    /**
     * {@code 00}, but the active INS or a former one has a key that does not verify. INSi is the
     * authority on the number, so the answer is read as sent and never corrected; Vigie cannot tell
     * such a number from one damaged on the way, and every system it feeds checks the key, so it is
     * not attached to any record (see the edge-hub README).
     *
     * @param activeMasked the active INS as sent, masked
     * @param oid its OID
     * @param traits the traits INSi returned, for the agent to see
     * @param notVerifying every matricule of the answer whose key does not verify, masked, in order
     */
    record KeyNotVerified(String activeMasked, InsOid oid, ReturnedTraits traits, List<String> notVerifying)
            implements InsiResult {
        public KeyNotVerified {
            Objects.requireNonNull(activeMasked, "activeMasked");
            Objects.requireNonNull(oid, "oid");
            Objects.requireNonNull(traits, "traits");
            notVerifying = List.copyOf(notVerifying);
            if (notVerifying.isEmpty()) {
                throw new IllegalArgumentException("a KeyNotVerified names the matricules that do not verify");
            }
        }

        @Override
        public String codeCr() {
            return "00";
        }

        @Override
        public Optional<String> maskedIns() {
            return Optional.of(activeMasked);
        }

        @Override
        public Optional<InsiError> warning() {
            return Optional.of(InsiError.INSI_KEY_NOT_VERIFIED);
        }
    }

    /** {@code 01}: no identity matches. */
    record NoIdentity() implements InsiResult {
        @Override
        public String codeCr() {
            return "01";
        }
    }

    /** {@code 02}: several identities match; INSi does not say which. */
    record SeveralIdentities() implements InsiResult {
        @Override
        public String codeCr() {
            return "02";
        }
    }
}
