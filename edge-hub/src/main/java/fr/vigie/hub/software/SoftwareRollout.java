package fr.vigie.hub.software;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One software rollout and its progress per kiosk, as the REST API, the CLI and the console show it. Immutable.
 *
 * @param rolloutId the rollout's id
 * @param packageName the package rolled out, e.g. {@code vigie-kiosk}
 * @param version the version every kiosk of the group is to run
 * @param group the group
 * @param firstStage how many kiosks the first stage holds
 * @param allowDowngrade whether IT asked kiosks on a newer version to go back to this one
 * @param state {@code FIRST_STAGE}, {@code REST}, {@code DONE}, {@code PAUSED}, {@code ABORTED} or {@code HALTED}
 * @param reason why it was halted or aborted, or null
 * @param actor who started it
 * @param createdAt when
 * @param updatedAt when its state last changed
 * @param counts kiosks per target state
 * @param targets every kiosk, first stage first, then by site and id
 */
public record SoftwareRollout(long rolloutId, String packageName, String version, String group, int firstStage,
        boolean allowDowngrade, String state, String reason, String actor, Instant createdAt, Instant updatedAt,
        Map<String, Integer> counts, List<Target> targets) {

    /** The target states a kiosk ends in. */
    public static final List<String> FINAL = List.of("UPDATED", "ROLLED_BACK", "FAILED", "REFUSED", "CANCELLED");

    /**
     * One kiosk's progress.
     *
     * @param site its site
     * @param kioskId the kiosk
     * @param stage 1 (first stage) or 2 (the rest)
     * @param state {@code PENDING}, {@code SENT}, {@code UPDATING}, {@code UPDATED}, {@code ROLLED_BACK},
     *     {@code FAILED}, {@code REFUSED} or {@code CANCELLED}
     * @param code the kiosk's reason code, or null before it reported
     * @param message the kiosk's sentence, or null
     * @param fromVersion the version the kiosk ran before, as it reported it, or null
     * @param runningVersion the version its last heartbeat reported, or null
     * @param sentAt when the signed command went out, or null
     * @param reportedAt when the kiosk last reported, or null
     */
    public record Target(String site, String kioskId, int stage, String state, String code, String message,
            String fromVersion, String runningVersion, Instant sentAt, Instant reportedAt) {
    }

    /** Whether the rollout can still move (not done, aborted or halted). */
    public boolean open() {
        return state.equals("FIRST_STAGE") || state.equals("REST") || state.equals("PAUSED");
    }
}
