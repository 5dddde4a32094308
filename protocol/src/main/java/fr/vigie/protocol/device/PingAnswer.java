package fr.vigie.protocol.device;

import fr.vigie.protocol.KioskAddress;

/** The answer of {@link EnrolmentApi#PING}: the site whose CA the device API speaks for. Immutable. */
public record PingAnswer(String site) {
    public PingAnswer {
        if (!KioskAddress.isValidId(site)) {
            throw new IllegalArgumentException("site '" + site + "' is not a site id");
        }
    }
}
