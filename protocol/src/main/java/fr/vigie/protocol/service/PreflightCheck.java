package fr.vigie.protocol.service;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of a preflight ({@code ./vigie hub check}, {@code ./vigie kiosk check}): its verdict, the service or
 * part checked, what was checked, a stable code when something is wrong, and the reason in words a site's IT can
 * act on (French first, like the rest of the command line; codes and check names stay the same in every language).
 * Never holds a secret. Immutable.
 *
 * <pre>
 * OK   INSi   certificate.cn      INSI-AUTO (OU 10B0152872)
 * FAIL PSC    discovery           DISCOVERY_NOT_FOUND  … répond 404 …
 * </pre>
 *
 * @param status the verdict
 * @param service the service or part, e.g. {@code INSi}, {@code PSC}, {@code ApCV}, {@code GAM}, {@code pcscd}
 * @param check what was checked, a stable dotted name, e.g. {@code certificate.expiry}
 * @param code a stable upper-case code for WARN and FAIL (e.g. {@code CERT_EXPIRED}); empty for OK
 * @param reason what was found, and for WARN and FAIL what to do
 */
public record PreflightCheck(Status status, String service, String check, String code, String reason) {
    /** The verdict of one check. */
    public enum Status {
        /** Works as configured. */
        OK,
        /** Works, but will not for long or not everywhere (e.g. a certificate expiring within 30 days). */
        WARN,
        /** Does not work as configured: the service would fail. */
        FAIL
    }

    public PreflightCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(check, "check");
        code = Objects.requireNonNullElse(code, "");
        Objects.requireNonNull(reason, "reason");
        if (status != Status.OK && !code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a " + status + " line needs an upper-case code, got '" + code + "'");
        }
    }

    public static PreflightCheck ok(String service, String check, String reason) {
        return new PreflightCheck(Status.OK, service, check, "", reason);
    }

    public static PreflightCheck warn(String service, String check, String code, String reason) {
        return new PreflightCheck(Status.WARN, service, check, code, reason);
    }

    public static PreflightCheck fail(String service, String check, String code, String reason) {
        return new PreflightCheck(Status.FAIL, service, check, code, reason);
    }

    /** The printed line: {@code STATUS SERVICE CHECK [CODE] reason}, in aligned columns, on one line. */
    public String line() {
        String oneLine = reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return String.format(Locale.ROOT, "%-4s %-6s %-20s %s", status, service, check,
                code.isEmpty() ? oneLine : code + " " + oneLine).stripTrailing();
    }

    @Override
    public String toString() {
        return line();
    }
}
