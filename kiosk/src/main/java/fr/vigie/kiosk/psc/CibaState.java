package fr.vigie.kiosk.psc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a CIBA sign-in stands, as the hub tells the kiosk (no token ever). Immutable. */
public sealed interface CibaState {
    /** Waiting for approval on the card app or the phone. */
    record Pending() implements CibaState { }

    /** Approved, and the tokens are bound to the session on the hub. */
    record Bound(Professional who, List<Exercice> exercices, Optional<Integer> chosen, Instant expiresAt)
            implements CibaState {
        public Bound {
            exercices = List.copyOf(exercices);
        }
    }

    /** Refused, with the hub's code: {@code PSC_ACCESS_DENIED}, {@code PSC_REQUEST_EXPIRED}, {@code PSC_SUBJECT_MISMATCH}… */
    record Refused(String code) implements CibaState { }

    /** The hub could not reach PSC ({@code PSC_UNREACHABLE}…). */
    record Failed(String code) implements CibaState { }

    /** The professional as PSC names them. */
    record Professional(String idNatPs, String givenName, String familyName) { }

    /**
     * One exercice from PSC's {@code SubjectRefPro}.
     *
     * @param codeProfession e.g. {@code 10} doctor, {@code 60} nurse
     * @param codeSavoirFaire the specialty, may be empty
     * @param nomDexercice the name in practice
     * @param prenomDexercice the first name in practice
     * @param sites the names of the sites it is practised at
     */
    record Exercice(String codeProfession, String codeSavoirFaire, String nomDexercice, String prenomDexercice,
            List<String> sites) {
        public Exercice {
            sites = List.copyOf(sites);
        }

        /**
         * A short label for events, with the profession's code as PSC gives it, e.g.
         * {@code 10 MARTIN CLAIRE — CH DE VIGIE - SITE NORD}.
         */
        public String label() {
            return shortened(codeProfession);
        }

        /**
         * The label a clinician reads on the screens: the profession in words (TRE_G15, see
         * {@link ProfessionSante}), e.g. {@code Médecin — MARTIN CLAIRE — CH DE VIGIE - SITE NORD}; an
         * unknown code stays as it came.
         */
        public String screenLabel() {
            String profession = ProfessionSante.label(codeProfession);
            return shortened(profession.isEmpty() ? "" : profession + " —");
        }

        private String shortened(String profession) {
            String where = sites.stream().filter(s -> !s.isBlank()).findFirst().map(s -> " — " + s).orElse("");
            String who = (nomDexercice + " " + prenomDexercice).strip();
            String l = (profession + " " + who).strip() + where;
            return l.length() > 128 ? l.substring(0, 128) : l;
        }
    }
}
