package fr.vigie.hub.insi;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import java.util.List;
import java.util.Objects;

/**
 * What INSi answered to a search, by its {@code CodeCR}: {@code 00} one identity, {@code 01} none,
 * {@code 02} several. Immutable; {@link #toString()} shows the masked matricule only.
 *
 * <pre>{@code
 * switch (client.rechercherAvecTraits(caller, query)) {
 *     case InsiResult.OneIdentity one -> record.attach(one.matricule(), one.oid(), one.traits());
 *     case InsiResult.NoIdentity none -> screen.say("no identity: check the traits");
 *     case InsiResult.SeveralIdentities several -> screen.ask("birth place?");
 * }
 * }</pre>
 */
public sealed interface InsiResult {

    /** The {@code CodeCR}: {@code 00}, {@code 01} or {@code 02}. */
    String codeCr();

    /**
     * The one identity found.
     *
     * @throws InsiException {@link InsiError#INSI_NO_MATCH} or {@link InsiError#INSI_SEVERAL_MATCHES}
     */
    default OneIdentity requireOne() throws InsiException {
        if (this instanceof OneIdentity one) {
            return one;
        }
        if (this instanceof NoIdentity) {
            throw new InsiException(InsiError.INSI_NO_MATCH, "INSi found no identity for these traits");
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
     * @param history older INS of the same person ({@code INSHISTO}), oldest order as received
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
