package fr.vigie.hub.insi;

/**
 * Who asks INSi, from where, and for which local record: all three go to the record kept of every
 * call ({@link InsiAuditEntry}).
 *
 * @param agent who asks: the idNat_PS of the agent signed in at a kiosk, or a local operator id
 * @param kiosk the kiosk the search comes from, {@code {site}/{kioskId}}, or {@code null} when it does
 *     not come from a kiosk
 * @param recordId the hub's identity record the search is for, or {@code null} when none is selected
 */
public record InsiCaller(String agent, String kiosk, Long recordId) {
    public InsiCaller {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("an INSi call needs the agent who asks");
        }
        if (kiosk != null && kiosk.isBlank()) {
            throw new IllegalArgumentException("kiosk is {site}/{kioskId} or null");
        }
    }
}
