package fr.vigie.protocol;

import java.time.Instant;

/**
 * A signed kiosk configuration as it travels on the retained config topic. The content and its
 * signature are carried as one compact JWS, verified by the kiosk before anything is applied.
 * Immutable.
 *
 * @param site target site
 * @param kioskId target kiosk
 * @param version configuration version; a kiosk only ever moves to a higher one
 * @param issuedAt when the hub signed it
 * @param jws the compact JWS whose payload is the configuration
 * @param schema contract schema version
 */
public record ConfigBundle(String site, String kioskId, long version, Instant issuedAt, String jws, int schema) {

    public ConfigBundle {
        KioskAddress.requireValid("site", site);
        KioskAddress.requireValid("kioskId", kioskId);
        Checks.positive("version", version);
        Checks.present("issuedAt", issuedAt);
        Checks.text("jws", jws, ProtocolCodec.DEFAULT_MAX_BYTES);
    }
}
