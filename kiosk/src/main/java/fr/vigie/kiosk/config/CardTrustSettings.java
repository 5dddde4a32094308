package fr.vigie.kiosk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the kiosk trusts health professionals' cards: the IGC-Santé anchors, where the CRLs come from
 * and are cached, how often they are refreshed and how long a stale one is still used. Part of
 * {@link KioskConfig}; checked once at load. Immutable.
 *
 * @param anchors PEM files of the trusted IGC-Santé roots and intermediates ({@value #ANCHORS}, comma
 *        separated; empty: no card is accepted)
 * @param crlUrl the hub URL serving the CRL bundle ({@value #CRL_URL}), or null: the cache is used as is
 * @param crlDir the CRL cache ({@value #CRL_DIR}), or null for {@code <data-dir>/igc-sante-crls}
 * @param refresh how often the CRLs are fetched ({@value #CRL_REFRESH_MINUTES}, default 60 minutes)
 * @param staleGrace how long past its nextUpdate a CRL is still used when no fresher one can be had
 *        ({@value #CRL_GRACE_HOURS}, default 48 hours; then cards of that CA are refused)
 */
public record CardTrustSettings(List<Path> anchors, URI crlUrl, Path crlDir, Duration refresh, Duration staleGrace) {
    public static final String ANCHORS = "kiosk.igc-sante.anchors";
    public static final String CRL_URL = "kiosk.igc-sante.crl-url";
    public static final String CRL_DIR = "kiosk.igc-sante.crl-dir";
    public static final String CRL_REFRESH_MINUTES = "kiosk.igc-sante.crl-refresh-minutes";
    public static final String CRL_GRACE_HOURS = "kiosk.igc-sante.crl-grace-hours";
    public static final int DEFAULT_REFRESH_MINUTES = 60;
    public static final int DEFAULT_GRACE_HOURS = 48;
    /** The cache directory's name inside the data directory, by default. */
    public static final String DEFAULT_CRL_DIR = "igc-sante-crls";

    public CardTrustSettings {
        anchors = List.copyOf(anchors);
        if (refresh.compareTo(Duration.ofMinutes(1)) < 0 || refresh.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidSetting(CRL_REFRESH_MINUTES, refresh.toMinutes(), "must be between 1 and 1440 minutes");
        }
        if (staleGrace.isNegative() || staleGrace.compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidSetting(CRL_GRACE_HOURS, staleGrace.toHours(), "must be between 0 and 720 hours");
        }
    }

    /** No anchors, no CRL URL, default cache, refresh and grace. */
    public static CardTrustSettings defaults() {
        return new CardTrustSettings(List.of(), null, null, Duration.ofMinutes(DEFAULT_REFRESH_MINUTES),
                Duration.ofHours(DEFAULT_GRACE_HOURS));
    }

    /** The CRL cache directory of a kiosk whose data directory is {@code dataDir}. */
    public Path crlDir(Path dataDir) {
        return crlDir != null ? crlDir : dataDir.resolve(DEFAULT_CRL_DIR);
    }

    static CardTrustSettings parse(Map<String, String> raw) throws KioskConfigException {
        List<Path> anchors = new ArrayList<>();
        String list = raw.getOrDefault(ANCHORS, "").trim();
        for (String part : list.isEmpty() ? new String[0] : list.split(",")) {
            anchors.add(path(ANCHORS, part.trim(), list));
        }
        String url = raw.getOrDefault(CRL_URL, "").trim();
        String dir = raw.getOrDefault(CRL_DIR, "").trim();
        try {
            return new CardTrustSettings(anchors, url.isEmpty() ? null : httpUrl(url),
                    dir.isEmpty() ? null : path(CRL_DIR, dir, dir),
                    Duration.ofMinutes(number(raw, CRL_REFRESH_MINUTES, DEFAULT_REFRESH_MINUTES, 1, 1440, "minutes")),
                    Duration.ofHours(number(raw, CRL_GRACE_HOURS, DEFAULT_GRACE_HOURS, 0, 720, "hours")));
        } catch (InvalidSetting e) {
            throw e.toConfigException();
        }
    }

    private static URI httpUrl(String url) {
        try {
            URI uri = new URI(url);
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidSetting(CRL_URL, url, "must be an http:// or https:// URL of the hub");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSetting(CRL_URL, url, "must be an http:// or https:// URL of the hub");
        }
    }

    private static Path path(String key, String v, String whole) throws KioskConfigException {
        try {
            if (v.isEmpty()) {
                throw new InvalidPathException(v, "empty");
            }
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new KioskConfigException(key, whole, "must be file paths separated by commas");
        }
    }

    private static long number(Map<String, String> raw, String key, int defaultValue, int min, int max, String unit)
            throws KioskConfigException {
        String v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new KioskConfigException(key, v, "must be a whole number");
        }
        if (n < min || n > max) {
            throw new KioskConfigException(key, v, "must be between " + min + " and " + max + " " + unit);
        }
        return n;
    }
}
