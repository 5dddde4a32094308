package fr.vigie.kiosk.admission;

import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.protocol.identity.TraitsInput;
import java.util.List;

/**
 * What the admission screen shows: which page, its data, and the last failure. Immutable.
 *
 * @param page the page
 * @param beneficiaries the Vitale card's beneficiaries (page BENEFICIARIES)
 * @param typed the traits as typed (page TRAITS), to fill the form again
 * @param admitted the identity found (page IDENTITY)
 * @param noticeKey a bundle key of a success notice, or null
 * @param failure the last failure, or null
 */
record AdmissionView(Page page, List<VitaleBeneficiary> beneficiaries, TraitsInput typed, Admitted admitted,
        String noticeKey, AdmissionFailure failure) {

    enum Page {
        HOME, BENEFICIARIES, TRAITS, IDENTITY,
        /** Both identities side by side: the answer was not applied ({@code IDENTITY_MISMATCH}, change requested). */
        COMPARISON,
        /** INSi does not answer: try again later. */
        UNAVAILABLE;

        /** Pages drawn compact, to fit a 800×480 screen with nothing to scroll. */
        boolean compact() {
            return this == COMPARISON || this == UNAVAILABLE;
        }
    }

    static AdmissionView home() {
        return new AdmissionView(Page.HOME, List.of(), null, null, null, null);
    }

    static AdmissionView beneficiaries(List<VitaleBeneficiary> list) {
        return new AdmissionView(Page.BENEFICIARIES, List.copyOf(list), null, null, null, null);
    }

    static AdmissionView traits(TraitsInput typed, AdmissionFailure failure) {
        return new AdmissionView(Page.TRAITS, List.of(), typed, null, null, failure);
    }

    static AdmissionView identity(Admitted admitted, String noticeKey) {
        return new AdmissionView(Page.IDENTITY, List.of(), null, admitted, noticeKey, null);
    }

    /** The failure carries the {@link AdmissionFailure#comparison()} to show. */
    static AdmissionView comparison(AdmissionFailure failure) {
        return new AdmissionView(Page.COMPARISON, List.of(), null, null, null, failure);
    }

    static AdmissionView unavailable(AdmissionFailure failure) {
        return new AdmissionView(Page.UNAVAILABLE, List.of(), null, null, null, failure);
    }

    AdmissionView failed(AdmissionFailure f) {
        return new AdmissionView(page, beneficiaries, typed, admitted, null, f);
    }

    /** The stable screen id tests wait for. */
    String screenId() {
        return "admission." + page.name().toLowerCase(java.util.Locale.ROOT);
    }
}
