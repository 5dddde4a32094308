package fr.vigie.hub.admission;

import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every admission step is recorded, whatever its outcome: who asked (the kiosk and the agent
 * signed in at it), what, for which record, with which result. An entry maps onto the hub's audit log
 * (actor {@code kiosk:{site}/{id}}, action code, subject, details). Implementations are thread-safe
 * and do not throw. {@link #LOG} writes entries to the log.
 */
@FunctionalInterface
public interface AdmissionAudit {

    /**
     * One admission step.
     *
     * @param at when
     * @param actor {@code kiosk:{site}/{id}}
     * @param agent the agent's idNat_PS
     * @param action {@code ADMISSION_VITALE}, {@code ADMISSION_TRAITS}, {@code ADMISSION_APCV},
     *     {@code ADMISSION_DOCUMENT}
     * @param recordId the identity record, or {@code null} when none was found or made
     * @param outcome the resulting RNIV status, or the rejection code
     */
    record Entry(Instant at, String actor, String agent, String action, Long recordId, String outcome) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** One line, with no personal data (ids and codes only). */
        public String message() {
            return action + " by " + agent + " at " + actor + " record " + (recordId == null ? "-" : recordId) + ": "
                    + outcome;
        }
    }

    /** Writes each entry to the {@code fr.vigie.hub.admission} log. */
    AdmissionAudit LOG = new AdmissionAudit() {
        private final Logger log = LoggerFactory.getLogger("fr.vigie.hub.admission.audit");

        @Override
        public void record(Entry entry) {
            log.info("{}", entry.message());
        }
    };

    void record(Entry entry);
}
