package fr.vigie.hub.insi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Typed, checked configuration of the INSi gateway. Invalid values are refused here, once, with a
 * message naming the key and the value. Immutable.
 *
 * @param endpoint {@code insi.endpoint}: the service URL, https only
 * @param emitter {@code insi.emitter}: the establishment identifier sent as {@code Emetteur}
 * @param lpsName {@code insi.lps.name}: the software's name, sent as {@code urn:lps:<name>:<version>}
 * @param lpsVersion {@code insi.lps.version}
 * @param idam {@code insi.lps.idam}: the software's authorisation number ({@code IDAM R="4"})
 * @param connectTimeout {@code insi.connect-timeout}
 * @param callTimeout {@code insi.call-timeout}: for one HTTP exchange, answer included
 * @param maxResponseBytes {@code insi.max-response-bytes}: larger answers are refused unread
 * @param maxAttempts {@code insi.max-attempts}: HTTP attempts per call, 1 to 5; only transport
 *     failures, timeouts, HTTP 5xx without a SOAP answer and INSi's "temporarily unavailable" faults
 *     ({@code siram_40}, {@code insi_102}) are retried
 * @param backoff {@code insi.backoff}: the pause before the first retry, doubled after each
 */
public record InsiSettings(URI endpoint, String emitter, String lpsName, String lpsVersion, String idam,
        Duration connectTimeout, Duration callTimeout, int maxResponseBytes, int maxAttempts, Duration backoff) {

    public InsiSettings {
        Objects.requireNonNull(endpoint, "insi.endpoint");
        if (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("insi.endpoint must be an https URL, got '" + endpoint + "'");
        }
        emitter = required("insi.emitter", emitter, "[A-Za-z0-9._-]{1,64}");
        lpsName = required("insi.lps.name", lpsName, "[A-Za-z0-9._-]{1,64}");
        lpsVersion = required("insi.lps.version", lpsVersion, "[A-Za-z0-9._-]{1,32}");
        idam = required("insi.lps.idam", idam, "[A-Za-z0-9._-]{1,64}");
        positive("insi.connect-timeout", connectTimeout);
        positive("insi.call-timeout", callTimeout);
        if (maxResponseBytes < 1024 || maxResponseBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("insi.max-response-bytes must be 1024 to 16 MiB, got " + maxResponseBytes);
        }
        if (maxAttempts < 1 || maxAttempts > 5) {
            throw new IllegalArgumentException("insi.max-attempts must be 1 to 5, got " + maxAttempts);
        }
        Objects.requireNonNull(backoff, "insi.backoff");
        if (backoff.isNegative() || backoff.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("insi.backoff must be 0 to 30 s, got " + backoff);
        }
    }

    /** Defaults for {@code endpoint}: 2 s to connect, 10 s per call, 256 KiB answers, 3 attempts, 200 ms backoff. */
    public static InsiSettings defaults(URI endpoint, String emitter, String idam) {
        return new InsiSettings(endpoint, emitter, "vigie", "0.1.0", idam, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 256 * 1024, 3, Duration.ofMillis(200));
    }

    public InsiSettings withCallTimeout(Duration value) {
        return new InsiSettings(endpoint, emitter, lpsName, lpsVersion, idam, connectTimeout, value,
                maxResponseBytes, maxAttempts, backoff);
    }

    public InsiSettings withMaxResponseBytes(int value) {
        return new InsiSettings(endpoint, emitter, lpsName, lpsVersion, idam, connectTimeout, callTimeout,
                value, maxAttempts, backoff);
    }

    public InsiSettings withRetries(int attempts, Duration firstBackoff) {
        return new InsiSettings(endpoint, emitter, lpsName, lpsVersion, idam, connectTimeout, callTimeout,
                maxResponseBytes, attempts, firstBackoff);
    }

    /** The {@code ContexteLPS} software name, {@code urn:lps:<name>:<version>}. */
    public String lpsUrn() {
        return "urn:lps:" + lpsName + ":" + lpsVersion;
    }

    private static String required(String key, String value, String pattern) {
        if (value == null || !value.matches(pattern)) {
            throw new IllegalArgumentException(key + " must match " + pattern + ", got '" + value + "'");
        }
        return value;
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + d);
        }
    }
}
