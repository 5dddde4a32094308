package fr.vigie.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a kiosk lives in the topic tree: its site and its kiosk id. Both are short lowercase
 * identifiers ({@code [a-z0-9][a-z0-9-]{0,39}}) so that they can never contain MQTT wildcards or
 * separators. Immutable.
 *
 * <pre>{@code
 * KioskAddress k = KioskAddress.of("chu-nord", "kiosk-001");
 * String topic = Topics.event(k);   // vigie/v1/chu-nord/kiosk-001/event
 * }</pre>
 */
public record KioskAddress(String site, String kioskId) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public KioskAddress {
        requireValid("site", site);
        requireValid("kioskId", kioskId);
    }

    public static KioskAddress of(String site, String kioskId) {
        return new KioskAddress(site, kioskId);
    }

    /** Whether {@code value} is a valid site or kiosk id. */
    public static boolean isValidId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    static void requireValid(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!isValidId(value)) {
            throw new IllegalArgumentException(name + " '" + value
                    + "' must be 1 to 40 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return site + "/" + kioskId;
    }
}
