package fr.vigie.hub.insi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One INSi call as it is recorded: when, who asked from which kiosk for which record, which operation
 * and query with the values sent, what came back (the {@code CodeCR} or the error code, the fault's
 * codes, a warning), the INS returned, attempts and duration. Holds no full matricule: Vitale
 * matricules sent and the INS returned are masked ({@code 2************78}).
 *
 * @param at when the call started
 * @param caller agent, kiosk and record
 * @param operation which INSi operation
 * @param query which query ({@code PREMIER_PRENOM}, {@code FULL_LIST}, {@code VITALE}); {@code null}
 *     when the search was refused before any call
 * @param sent the values sent, by INSi field name (matricules masked); empty when nothing was sent
 * @param messageId the WS-Addressing {@code MessageID}, to match the service's own logs; {@code null}
 *     when nothing was sent
 * @param outcome {@code 00}, {@code 01}, {@code 02}, or the {@link InsiError} name
 * @param faultSubcode the fault's {@code siram_NNN} subcode, or {@code null}
 * @param faultDetail the fault's {@code desir_NNN}/{@code insi_NNN} code, or {@code null}
 * @param warning a warning carried by a {@code 00} ({@code INSI_KEY_NOT_VERIFIED}), or {@code null}
 * @param maskedIns the masked INS returned, or {@code null}
 * @param attempts HTTP attempts made (0 when the call was refused locally)
 * @param duration wall time of the call, retries included
 */
public record InsiAuditEntry(Instant at, InsiCaller caller, InsiOperation operation, InsiSearch.PrenomSent query,
        Map<String, String> sent, String messageId, String outcome, String faultSubcode, String faultDetail,
        String warning, String maskedIns, int attempts, Duration duration) {
    public InsiAuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        sent = Collections.unmodifiableMap(new LinkedHashMap<>(sent));
        if (maskedIns != null && !maskedIns.matches("[0-9]\\*{12}[0-9]{2}")) {
            throw new IllegalArgumentException("maskedIns must be a masked matricule");
        }
    }

    /** A search refused before INSi was called: nothing sent, 0 attempts. */
    static InsiAuditEntry refusedLocally(Instant at, InsiCaller caller, InsiOperation operation, InsiError error) {
        return new InsiAuditEntry(at, caller, operation, null, Map.of(), null, error.name(), null, null, null, null, 0,
                Duration.ZERO);
    }

    /** Whether this call gave the identity ({@code 00}). */
    public boolean matched() {
        return outcome.equals("00");
    }

    /** A one-line text for logs: ids, codes and the masked INS, no trait value. */
    public String message() {
        return "INSi " + operation.operationName() + (query == null ? "" : " " + query) + " by " + caller.agent()
                + (caller.kiosk() == null ? "" : " at " + caller.kiosk()) + " for record "
                + (caller.recordId() == null ? "-" : caller.recordId()) + ": " + outcome
                + (faultSubcode == null && faultDetail == null ? "" : " (" + faultSubcode + "/" + faultDetail + ")")
                + (warning == null ? "" : " WARNING " + warning) + (maskedIns == null ? "" : " INS " + maskedIns)
                + " in " + duration.toMillis() + " ms, " + attempts + " attempt(s), "
                + (messageId == null ? "no call made" : messageId);
    }
}
