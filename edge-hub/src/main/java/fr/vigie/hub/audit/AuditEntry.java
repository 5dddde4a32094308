package fr.vigie.hub.audit;

import fr.vigie.protocol.KioskAddress;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What happened, as an admin action or a security event, before the {@link AuditLog} gives it a
 * position, a time and a hash. Immutable; validated at construction.
 *
 * <pre>{@code
 * auditLog.append(AuditEntry.of(AuditEntry.staff(ctx.attribute("vigie.staff")), "CONFIG_ROLLED_OUT",
 *         "group:default", Map.of("version", "12", "kiosks", "3")));
 * }</pre>
 *
 * @param actor who acted: an IT login, {@code kiosk:{site}/{id}} or {@code hub}; 1 to 128 characters
 * @param action a stable code such as {@code ENROL_APPROVED} ({@code [A-Z][A-Z0-9_]{1,63}})
 * @param subject what it acted on, e.g. {@code kiosk:chu-nord/accueil-1}; 1 to 256 characters
 * @param details a few facts, at most 32 keys ({@code [A-Za-z0-9_.-]{1,64}}) with values of at most
 *     1024 characters; never secrets: keys naming a password, secret, token, PIN, private key or NIR
 *     are refused
 */
public record AuditEntry(String actor, String action, String subject, Map<String, String> details) {
    /** The actor of what the hub does on its own. */
    public static final String HUB = "hub";
    /** The actor recorded when an HTTP route knows no signed-in staff member. */
    public static final String UNKNOWN = "unknown";
    static final int MAX_DETAILS = 32;
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|passwd|secret|token|privatekey|private_key|pin|nir)", Pattern.CASE_INSENSITIVE);

    public AuditEntry {
        text("actor", actor, 128);
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action '" + action + "' must match " + ACTION.pattern());
        }
        text("subject", subject, 256);
        Objects.requireNonNull(details, "details");
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("details has " + details.size() + " keys, at most " + MAX_DETAILS);
        }
        for (Map.Entry<String, String> e : details.entrySet()) {
            String key = e.getKey();
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("details key '" + key + "' must match " + KEY.pattern());
            }
            if (SECRET_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("details key '" + key
                        + "' names a secret; the audit log never holds secrets");
            }
            text("details." + key, e.getValue(), 1024);
        }
        details = Map.copyOf(new TreeMap<>(details));
    }

    /** An entry with details. */
    public static AuditEntry of(String actor, String action, String subject, Map<String, String> details) {
        return new AuditEntry(actor, action, subject, details);
    }

    /** An entry without details. */
    public static AuditEntry of(String actor, String action, String subject) {
        return new AuditEntry(actor, action, subject, Map.of());
    }

    /** The actor for a staff login read from {@code ctx.attribute("vigie.staff")}: {@link #UNKNOWN} when null or blank. */
    public static String staff(String login) {
        return login == null || login.isBlank() ? UNKNOWN : login;
    }

    /** The actor or subject naming a kiosk: {@code kiosk:{site}/{id}}. */
    public static String kiosk(KioskAddress kiosk) {
        return "kiosk:" + kiosk.site() + "/" + kiosk.kioskId();
    }

    private static void text(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1 to " + max + " characters, got "
                    + value.length());
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " must not contain a NUL character");
        }
        if (field.equals("actor") && !value.equals(value.strip())) {
            throw new IllegalArgumentException("actor '" + value + "' must not start or end with spaces");
        }
    }
}
