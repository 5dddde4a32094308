package fr.vigie.hub.device;

import java.util.Locale;
import java.util.Optional;

/**
 * What IT declared a kiosk to be, on the hub's word only (a kiosk's own settings never make it one):
 * a clinical {@link #WORKSTATION} (every kiosk, unless declared otherwise) or an {@link #ADMISSION_DESK},
 * the only kiosks that may prove an agent and call the admission routes.
 */
public enum DeviceRole {
    /** A shared clinical workstation: clinician sign-in only. The role of a kiosk nobody declared. */
    WORKSTATION,
    /** An admission desk: its proven agent may qualify patient identities through the hub. */
    ADMISSION_DESK;

    /** Parses {@code ADMISSION_DESK}, {@code admission-desk}, {@code workstation}…; empty for anything else. */
    public static Optional<DeviceRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DeviceRole r : values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
