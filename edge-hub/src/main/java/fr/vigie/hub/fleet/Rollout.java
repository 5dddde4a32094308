package fr.vigie.hub.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One configuration rollout and its progress per kiosk, as the REST API and the console show it, with
 * {@code targeted} (how many kiosks it was issued to) and, when that is none, {@code warning}
 * {@value #NO_KIOSK}: the content is recorded as the group's and reaches kiosks only when they are moved
 * into the group. Immutable.
 *
 * @param version the version every kiosk of the group received
 * @param group the group
 * @param settings the settings signed, as JSON
 * @param reissueOf the earlier version whose content this re-issues (a rollback), or null
 * @param actor who rolled it out
 * @param createdAt when
 * @param counts kiosks per state ({@code PENDING}, {@code UNSENT}, {@code APPLIED}, {@code REJECTED}, {@code FAILED},
 *     {@code SUPERSEDED})
 * @param targets every kiosk targeted, by site then id
 */
public record Rollout(long version, String group, @JsonRawValue String settings, Long reissueOf, String actor,
        Instant createdAt, Map<String, Integer> counts, List<Target> targets) {
    /** The warning of a rollout that reached no kiosk (an empty group, or a group no kiosk was ever in). */
    public static final String NO_KIOSK = "GROUP_HAS_NO_KIOSK";

    /** How many kiosks this version was issued to. */
    @JsonProperty("targeted")
    public int targeted() {
        return targets.size();
    }

    /** {@value #NO_KIOSK} when the rollout reached no kiosk, else null (absent from the JSON). */
    @JsonProperty("warning")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String warning() {
        return targets.isEmpty() ? NO_KIOSK : null;
    }

    /**
     * One kiosk's progress.
     *
     * @param site its site
     * @param kioskId the kiosk
     * @param state {@code PENDING} (published, no reply yet), {@code UNSENT}, {@code APPLIED},
     *     {@code REJECTED}, {@code FAILED} (applied, health check failed, rolled back) or
     *     {@code SUPERSEDED} (a newer version went to the kiosk before it answered)
     * @param code the kiosk's reason code ({@code OK} when applied), or null before its reply
     * @param message the kiosk's sentence, or null
     * @param publishedAt when the hub issued it (then signed and published it)
     * @param repliedAt when the kiosk replied, or null
     */
    public record Target(String site, String kioskId, String state, String code, String message,
            Instant publishedAt, Instant repliedAt) {
    }

    /** Whether every kiosk has answered (or could not be reached). */
    public boolean finished() {
        return counts.getOrDefault("PENDING", 0) == 0;
    }
}
