package fr.vigie.provisioning.siteca;

import fr.vigie.protocol.KioskAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a site CA, checked once at construction; each rejection names the key and the value.
 * Immutable.
 *
 * @param site the site id the CA issues for ({@code ca.site})
 * @param rootValidity lifetime of the root CA ({@code ca.rootValidity}, 1 to 30 years)
 * @param issuingValidity lifetime of the issuing CA ({@code ca.issuingValidity}, at most the root's)
 * @param deviceValidity lifetime of device certificates ({@code ca.deviceValidity}, 1 hour to 825 days)
 * @param serverValidity lifetime of broker/server certificates ({@code ca.serverValidity}, 1 hour to 825 days)
 * @param crlValidity time from a CRL's thisUpdate to its nextUpdate ({@code ca.crlValidity}, 1 hour to 31 days)
 * @param backdate how far before issuance certificates start, for clock skew ({@code ca.backdate}, 0 to 1 hour)
 * @param keyProtectionIterations PBKDF2 iterations protecting the CA keys at rest
 *     ({@code ca.keyProtectionIterations}, 10,000 to 10,000,000)
 */
public record SiteCaSettings(String site, Duration rootValidity, Duration issuingValidity, Duration deviceValidity,
        Duration serverValidity, Duration crlValidity, Duration backdate, int keyProtectionIterations) {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 with a passphrase a person may have chosen. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final Duration HOUR = Duration.ofHours(1);

    public SiteCaSettings {
        if (!KioskAddress.isValidId(site)) {
            throw new IllegalArgumentException("ca.site '" + site + "' must be a site id ([a-z0-9][a-z0-9-]{0,39})");
        }
        range("ca.rootValidity", rootValidity, Duration.ofDays(365), Duration.ofDays(30 * 365));
        range("ca.issuingValidity", issuingValidity, Duration.ofDays(30), rootValidity);
        range("ca.deviceValidity", deviceValidity, HOUR, Duration.ofDays(825));
        range("ca.serverValidity", serverValidity, HOUR, Duration.ofDays(825));
        range("ca.crlValidity", crlValidity, HOUR, Duration.ofDays(31));
        range("ca.backdate", backdate, Duration.ZERO, HOUR);
        if (keyProtectionIterations < 10_000 || keyProtectionIterations > 10_000_000) {
            throw new IllegalArgumentException("ca.keyProtectionIterations '" + keyProtectionIterations
                    + "' must be between 10000 and 10000000");
        }
    }

    /**
     * Defaults: root 20 years, issuing CA 10 years, devices 90 days (renewed after 60), servers
     * 1 year, CRL valid 2 days (re-signed after 1), 5 minutes of backdating, 600,000 iterations.
     */
    public static SiteCaSettings defaults(String site) {
        return new SiteCaSettings(site, Duration.ofDays(20 * 365), Duration.ofDays(10 * 365), Duration.ofDays(90),
                Duration.ofDays(365), Duration.ofDays(2), Duration.ofMinutes(5), DEFAULT_ITERATIONS);
    }

    /** A copy with another device certificate lifetime. */
    public SiteCaSettings withDeviceValidity(Duration value) {
        return new SiteCaSettings(site, rootValidity, issuingValidity, value, serverValidity, crlValidity, backdate,
                keyProtectionIterations);
    }

    /** A copy with another PBKDF2 iteration count. */
    public SiteCaSettings withKeyProtectionIterations(int value) {
        return new SiteCaSettings(site, rootValidity, issuingValidity, deviceValidity, serverValidity, crlValidity,
                backdate, value);
    }

    private static void range(String key, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, key);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " '" + value + "' must be between " + min + " and " + max);
        }
    }
}
