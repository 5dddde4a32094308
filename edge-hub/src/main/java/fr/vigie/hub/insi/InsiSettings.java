package fr.vigie.hub.insi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the SOAP client sends and how it calls INSi, checked once when built. Invalid values are refused
 * here, with a message naming the setting ({@code hub.insi.*}, see {@link InsiGatewaySettings}) and the
 * value. Immutable.
 *
 * @param endpoint {@code hub.insi.endpoint}: the service URL, https only
 * @param emitter the establishment identifier sent as {@code Emetteur}: the {@code OU} of the
 *     establishment certificate ({@code hub.insi.certificate})
 * @param lpsName {@code hub.insi.lps.name}: the software's name, sent as {@code urn:lps:<name>:<version>}
 * @param lpsVersion {@code hub.insi.lps.version}
 * @param idam {@code hub.insi.idam}: the software's CNDA authorisation number ({@code IDAM R="4"})
 * @param instanceId {@code hub.insi.lps.instance-id}: this installation of the software, sent as
 *     {@code ContexteLPS/LPS/Instance} (by default the hub's {@code hub-instance-id})
 * @param connectTimeout {@code hub.insi.connect-timeout-seconds}
 * @param callTimeout {@code hub.insi.call-timeout-seconds}: for one HTTP exchange, answer included
 * @param maxResponseBytes larger answers are refused unread (256 KiB)
 * @param maxAttempts {@code hub.insi.max-attempts}: HTTP attempts per call, 1 to 5; only transport
 *     failures, timeouts, HTTP 5xx without a SOAP answer and INSi's "temporarily unavailable" faults
 *     ({@code siram_40}, {@code insi_102}) are retried
 * @param backoff {@code hub.insi.backoff-ms}: the pause before the first retry, doubled after each
 */
public record InsiSettings(URI endpoint, String emitter, String lpsName, String lpsVersion, String idam,
        String instanceId, Duration connectTimeout, Duration callTimeout, int maxResponseBytes, int maxAttempts, Duration backoff) {

    public InsiSettings {
        Objects.requireNonNull(endpoint, InsiGatewaySettings.ENDPOINT);
        if (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null || endpoint.getRawUserInfo() != null
                || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException(InsiGatewaySettings.ENDPOINT + " must be an https URL, got '" + endpoint
                    + "'");
        }
        emitter = required("the OU of " + InsiGatewaySettings.CERTIFICATE + " (Emetteur)", emitter,
                "[A-Za-z0-9._-]{1,64}");
        lpsName = required(InsiGatewaySettings.LPS_NAME, lpsName, "[A-Za-z0-9._-]{1,64}");
        lpsVersion = required(InsiGatewaySettings.LPS_VERSION, lpsVersion, "[A-Za-z0-9._-]{1,32}");
        idam = required(InsiGatewaySettings.IDAM, idam, "[A-Za-z0-9._-]{1,64}");
        instanceId = required(InsiGatewaySettings.LPS_INSTANCE_ID, instanceId, "[A-Za-z0-9._:-]{1,64}");
        positive(InsiGatewaySettings.CONNECT_TIMEOUT_SECONDS, connectTimeout);
        positive(InsiGatewaySettings.CALL_TIMEOUT_SECONDS, callTimeout);
        if (maxResponseBytes < 1024 || maxResponseBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("the largest INSi answer must be 1024 bytes to 16 MiB, got "
                    + maxResponseBytes);
        }
        if (maxAttempts < 1 || maxAttempts > 5) {
            throw new IllegalArgumentException(InsiGatewaySettings.MAX_ATTEMPTS + " must be 1 to 5, got " + maxAttempts);
        }
        Objects.requireNonNull(backoff, InsiGatewaySettings.BACKOFF_MS);
        if (backoff.isNegative() || backoff.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException(InsiGatewaySettings.BACKOFF_MS + " must be 0 to 30000, got "
                    + backoff.toMillis());
        }
    }

    /** The largest answer read, 256 KiB. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    /**
     * Defaults for {@code endpoint}: software {@code vigie} {@value #LPS_VERSION}, instance {@code vigie-hub},
     * 2 s to connect, 10 s per call, 256 KiB answers, 3 attempts, 200 ms backoff.
     */
    public static InsiSettings defaults(URI endpoint, String emitter, String idam) {
        return new InsiSettings(endpoint, emitter, LPS_NAME, LPS_VERSION, idam, "vigie-hub", Duration.ofSeconds(2),
                Duration.ofSeconds(10), MAX_RESPONSE_BYTES, 3, Duration.ofMillis(200));
    }

    /** The software name sent by default. */
    public static final String LPS_NAME = "vigie";
    /** The software version sent by default. */
    public static final String LPS_VERSION = "0.1.0";

    public InsiSettings withCallTimeout(Duration value) {
        return new InsiSettings(endpoint, emitter, lpsName, lpsVersion, idam, instanceId, connectTimeout, value,
                maxResponseBytes, maxAttempts, backoff);
    }

    public InsiSettings withMaxResponseBytes(int value) {
        return new InsiSettings(endpoint, emitter, lpsName, lpsVersion, idam, instanceId, connectTimeout, callTimeout,
                value, maxAttempts, backoff);
    }

    public InsiSettings withRetries(int attempts, Duration firstBackoff) {
        return new InsiSettings(endpoint, emitter, lpsName, lpsVersion, idam, instanceId, connectTimeout, callTimeout,
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
