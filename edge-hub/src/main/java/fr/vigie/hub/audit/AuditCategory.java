package fr.vigie.hub.audit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Groups of audit action codes the console's audit page offers as one choice ("Connexions", "Identités"…), so
 * that IT staff filter the log without knowing the exact codes. {@link #id()} is the {@code category} of
 * {@code GET /api/v1/audit}; the labels are the console's {@code audit.category.<id>} texts. A code may belong
 * to more than one category (a refused sign-in is both a sign-in and a security event). A new audit action
 * goes into the categories it belongs to here.
 */
public enum AuditCategory {
    /** Staff signing in to the console, clinicians' agents bound to a kiosk. */
    SIGNINS(Set.of("STAFF_SIGNED_IN", "STAFF_SIGNIN_FAILED", "STAFF_SIGNIN_THROTTLED", "STAFF_SIGNIN_LOCK_LIFTED",
            "AGENT_BOUND", "AGENT_UNBOUND", "PSC_BINDING_REFUSED")),
    /** Patient identities: created, changed, merged, admission steps, reads by other software, GAM feed. */
    IDENTITIES(Set.of("IDENTITY_CREATED", "IDENTITY_TRAITS_CHANGED", "IDENTITY_ACTION", "IDENTITY_CHANGE_ACCEPTED",
            "IDENTITY_CHANGE_REFUSED", "IDENTITY_MERGED", "ADMISSION_VITALE", "ADMISSION_TRAITS", "ADMISSION_DOCUMENT",
            "ADMISSION_APCV", "FHIR_PATIENT_READ", "FHIR_PATIENT_SEARCH", "GAM_MESSAGE_RESENT")),
    /** Kiosks joining the site, their certificates, their revocation. */
    ENROLMENT(Set.of("ENROL_REQUESTED", "ENROL_APPROVED", "ENROL_REJECTED", "ENROL_SUPERSEDED", "ENROL_REQUESTS_REFUSED",
            "BOOTSTRAP_TOKEN_ISSUED", "CERT_ROTATED", "DEVICE_REVOKED")),
    /** Configuration rollouts, groups, roles and remote commands to kiosks. */
    CONFIGURATION(Set.of("CONFIG_ROLLED_OUT", "CONFIG_REISSUED", "CONFIG_BUNDLE_REFUSED", "CONFIG_REJECTED_BY_KIOSK",
            "DEVICE_GROUP_CHANGED", "DEVICE_ROLE_CHANGED", "COMMAND_SENT", "COMMAND_REFUSED",
            "COMMAND_REJECTED_BY_KIOSK")),
    /** Vigie packages added to the hub's repository, software rollouts and what kiosks reported of them. */
    SOFTWARE(Set.of("SOFTWARE_PACKAGE_ADDED", "SOFTWARE_PACKAGE_REFUSED", "SOFTWARE_ROLLOUT_STARTED",
            "SOFTWARE_ROLLOUT_SECOND_STAGE", "SOFTWARE_ROLLOUT_PAUSED", "SOFTWARE_ROLLOUT_RESUMED",
            "SOFTWARE_ROLLOUT_ABORTED", "SOFTWARE_ROLLOUT_HALTED", "SOFTWARE_ROLLOUT_DONE", "SOFTWARE_UPDATE_REPORTED")),
    /** IT staff accounts, passwords and API tokens. */
    STAFF(Set.of("STAFF_ACCOUNT_CREATED", "STAFF_ACCOUNT_DELETED", "STAFF_PASSWORD_CHANGED", "STAFF_TOKEN_ISSUED",
            "STAFF_TOKEN_REVOKED")),
    /**
     * Single sign-on into the site's applications: registered applications, clinicians' sessions, logouts, local
     * accounts.
     */
    SSO(Set.of("SSO_CLIENT_REGISTERED", "SSO_CLIENT_CHANGED", "SSO_CLIENT_DELETED", "SSO_CLIENT_SECRET_ISSUED",
            "SSO_KEY_ROTATED", "SSO_SESSION_OPENED", "SSO_SESSION_ENDED", "SSO_TOKENS_ISSUED", "SSO_CODE_REPLAYED",
            "SSO_TAP_REFUSED", "SSO_LOGOUT_SENT", "SSO_LOGOUT_FAILED", "SSO_ACCOUNT_LINKED", "SSO_ACCOUNT_UNLINKED",
            "SSO_NO_LOCAL_ACCOUNT", "SSO_CLIENT_START_URI_CHANGED")),
    /**
     * Refusals that may be an attack, the checks of the audit log itself, and the hub's backups and restores
     * (an archive holds the site CA's keys).
     */
    SECURITY(Set.of("STAFF_SIGNIN_FAILED", "STAFF_SIGNIN_THROTTLED", "AGENT_PROOF_REFUSED", "AGENT_REQUIRED_REFUSED",
            "PSC_BINDING_REFUSED", "ENROL_REQUESTS_REFUSED", "DEVICE_REVOKED", "AUDIT_VERIFIED", "HUB_BACKED_UP",
            "HUB_RESTORED", "SSO_CODE_REPLAYED", "SSO_TAP_REFUSED"));

    private final Set<String> actions;

    AuditCategory(Set<String> actions) {
        this.actions = actions;
    }

    /** @return the category's name in the API and in the console's texts, e.g. {@code signins} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the audit action codes of this category */
    public Set<String> actions() {
        return actions;
    }

    /** @return the category named {@code id} (as {@link #id()} gives it), if any */
    public static Optional<AuditCategory> byId(String id) {
        for (AuditCategory c : values()) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
