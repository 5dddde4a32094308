package fr.vigie.hub.device;

import java.time.Instant;
import java.util.List;

/**
 * One kiosk as the REST API and the console show it. Immutable; {@code null} where the kiosk has not
 * told the hub yet (e.g. a kiosk seen only through its events has no heartbeat or version).
 *
 * @param site site of the kiosk
 * @param kioskId the kiosk
 * @param online whether {@link Presence} considers it online now
 * @param state last reported state: {@code ONLINE}, {@code OFFLINE} or {@code UNKNOWN}
 * @param lastHeartbeatAt when its last heartbeat was sent (see {@link Presence#heartbeatTime})
 * @param softwareVersion kiosk software version from its last status
 * @param outboxDepth events waiting in its outbox at its last status
 * @param startedAt when its process started, from its last status
 * @param lastEventAt when its most recent stored event occurred
 * @param lastEventType type of that event
 * @param eventCount number of its events stored
 * @param group the group its configuration comes from ({@code default} unless IT moved it)
 * @param configVersion version of the signed configuration in force, from its last heartbeat (0: none yet)
 * @param certificateNotAfter expiry of its device certificate, from its last heartbeat ({@code null}: none)
 * @param readers card readers it saw at its last heartbeat
 * @param uptimeSeconds how long its process had run at its last heartbeat
 * @param role what IT declared it to be ({@link DeviceRoles}): {@code WORKSTATION} unless declared otherwise
 */
public record DeviceView(String site, String kioskId, boolean online, String state, Instant lastHeartbeatAt,
        String softwareVersion, Long outboxDepth, Instant startedAt, Instant lastEventAt, String lastEventType,
        long eventCount, String group, Long configVersion, Instant certificateNotAfter, List<String> readers,
        Long uptimeSeconds, DeviceRole role) {
}
