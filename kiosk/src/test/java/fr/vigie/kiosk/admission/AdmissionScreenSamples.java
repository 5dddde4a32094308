package fr.vigie.kiosk.admission;

import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleBirthDate;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every state of the admission desk's screen, drawn as {@link AdmissionScreens} draws it (same views, same
 * templates) with the longest words the desk shows, for the screen-size tests: the states themselves need a hub
 * and INSi, which the system module's admission tests drive.
 */
public final class AdmissionScreenSamples {
    private static final String AGENT = "Anne-Sophie LEROY-DESCHAMPS";

    private AdmissionScreenSamples() {
    }

    /** @return a name of each state (file names of the screenshots) and its screen, in the order an agent meets them */
    public static Map<String, Screen> all() throws IdentityException {
        LocalDate today = LocalDate.of(2026, 12, 7);
        TraitsInput typed = TraitsInput.of("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN JEAN", "M", "1950-03-15")
                .withLieuNaissance("32013");
        StrictTraits traits = StrictTraits.check(typed.withNomUtilise("DE CASTELMORE"), today).orThrow();
        InsOid oid = InsOid.parse("1.2.250.1.213.1.4.10");
        Map<String, Screen> all = new LinkedHashMap<>();
        all.put("admission-home", AdmissionRender.screen(AdmissionView.home(), AGENT));
        all.put("admission-home-scan-refused", AdmissionRender.screen(AdmissionView.home().failed(
                new AdmissionFailure(AdmissionFailure.BARCODE_UNKNOWN, "unknown code")), AGENT));
        all.put("admission-beneficiaries", AdmissionRender.screen(AdmissionView.beneficiaries(List.of(
                new VitaleBeneficiary(Optional.of("280057505612389"), "DUPONT-MARCHAND", "MARIE CLAIRE",
                        new VitaleBirthDate(1980, 5, 12), 1),
                new VitaleBeneficiary(Optional.empty(), "DUPONT-MARCHAND", "LUCAS", new VitaleBirthDate(2012, 9, 3), 2),
                new VitaleBeneficiary(Optional.empty(), "DUPONT-MARCHAND", "EMMA", new VitaleBirthDate(2015, 1, 28), 3))),
                AGENT));
        all.put("admission-traits", AdmissionRender.screen(AdmissionView.traits(null, null), AGENT));
        TraitsInput wrong = TraitsInput.of("Cœur", "Jean", "M", "1975-13-03");
        all.put("admission-traits-refused", AdmissionRender.screen(AdmissionView.traits(wrong,
                new AdmissionFailure(AdmissionFailure.TRAITS_INVALID, "traits refused",
                        StrictTraits.check(wrong, today).rejections())), AGENT));
        Admitted found = new Admitted(41, RnivStatus.RECUP, traits, Optional.of("1 50 03 32 013 *** ** 66"),
                Optional.of("150033201301166"), Optional.of(oid), Optional.empty(),
                List.of(new Admitted.Difference(Trait.LISTE_PRENOM.label(), "PIERRE ALAIN", "PIERRE-ALAIN JEAN"),
                        new Admitted.Difference(Trait.LIEU_NAISSANCE.label(), null, "32013")),
                List.of("PREMIER_PRENOM:02", "FULL_LIST:00"), IdentitySource.TRAITS);
        all.put("admission-identity-found", AdmissionRender.screen(AdmissionView.identity(found, null), AGENT));
        Admitted qualified = new Admitted(41, RnivStatus.QUAL, traits, found.maskedIns(), found.matricule(),
                found.oid(), Optional.of("PASSPORT"), List.of(), List.of("PREMIER_PRENOM:00"), IdentitySource.DOCUMENT);
        all.put("admission-identity-qualified", AdmissionRender.screen(AdmissionView.identity(qualified,
                "admission.prescription.attached"), AGENT));
        all.put("admission-identity-print-failed", AdmissionRender.screen(AdmissionView.identity(qualified, null)
                .failed(new AdmissionFailure(AdmissionDesk.PRINTER_NOT_CONFIGURED, "no printer")), AGENT));
        List<AdmissionFailure.Row> rows = List.of(
                new AdmissionFailure.Row(Trait.NOM_NAISSANCE, "D'ARTAGNAN DE L'HERAULT", "D'ARTAGNAN DE L'HERAULT", false),
                new AdmissionFailure.Row(Trait.LISTE_PRENOM, "MARIE", "PIERRE-ALAIN JEAN", true),
                new AdmissionFailure.Row(Trait.SEXE, "F", "M", true),
                new AdmissionFailure.Row(Trait.DATE_NAISSANCE, "1952-07-01", "1950-03-15", true),
                new AdmissionFailure.Row(Trait.LIEU_NAISSANCE, null, "32013", true));
        all.put("admission-comparison", AdmissionRender.screen(AdmissionView.comparison(new AdmissionFailure(
                AdmissionError.IDENTITY_MISMATCH, "another person", new AdmissionFailure.Comparison(IdentitySource.TRAITS,
                        41, rows, "1 50 03 32 013 *** ** 66"))), AGENT));
        all.put("admission-unavailable", AdmissionRender.screen(AdmissionView.unavailable(new AdmissionFailure(
                AdmissionError.INSI_UNAVAILABLE, "INSi down")), AGENT));
        return all;
    }
}
