package fr.vigie.kiosk.config;

import fr.vigie.config.ConfigException;
import fr.vigie.config.KioskFleetSettings;
import fr.vigie.config.KioskSettings;
import fr.vigie.hardware.gpio.GpioChoice;
import fr.vigie.hardware.gpio.GpioPins;
import fr.vigie.hardware.gpio.GpioProvider;
import fr.vigie.hardware.print.IppPrinter;
import fr.vigie.kiosk.session.SessionTimeouts;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The clinician workstation part of a kiosk's configuration: the local UI port, where card readers
 * come from, the GPIO board, and the session's time limits. Typed and checked once by {@link #parse};
 * a bad value is rejected naming its key. Immutable.
 *
 * @param uiPort {@value #UI_PORT}: port of the touch UI on 127.0.0.1, 0 for any free port (default {@value #DEFAULT_UI_PORT})
 * @param readers {@value #READERS}: {@code pcsc} (the machine's PC/SC readers, the default) or
 *        {@code sandbox} (in-process virtual readers with demo CPS cards and the sandbox controls; never in production)
 * @param gpio {@value #GPIO}: {@code auto} (on a Raspberry Pi, as its device tree says, the gpiod provider;
 *        elsewhere Pi4J's mock platform), {@code gpiod} or {@code mock}
 * @param gpioPins the BCM pin of each peripheral, {@code kiosk.gpio.led-red}, {@code …led-green},
 *        {@code …led-blue}, {@code kiosk.gpio.buzzer}, {@code kiosk.gpio.presence} (0 to {@value GpioPins#MAX_BCM},
 *        no pin shared by two; defaults: the Vigie HAT's wiring, {@link GpioPins#defaults()}) and
 *        {@value #PRESENCE_ACTIVE_HIGH}. Local settings of this device (how it is wired), not in the signed
 *        fleet configuration
 * @param timeouts the {@code kiosk.session.*} durations
 * @param admissionDesk {@value #ADMISSION_DESK}: {@code true} on an admission desk, where a signed-in agent
 *        qualifies patients' identities (needs an enrolled kiosk); {@code false} (the default) on a clinical workstation
 * @param labelPrinter {@value #LABEL_PRINTER}: the admission desk's label printer, an IPP URI such as
 *        {@code ipp://localhost:631/printers/etiquettes} (a CUPS queue) where the INS label of a qualified identity is
 *        printed; none by default (the desk then says no printer is configured). Only on an admission desk.
 */
public record StationConfig(int uiPort, Readers readers, Gpio gpio, GpioPins gpioPins, SessionTimeouts timeouts,
        boolean admissionDesk, Optional<URI> labelPrinter) {
    public static final String UI_PORT = "kiosk.ui.port";
    public static final String READERS = "kiosk.card.readers";
    public static final String GPIO = "kiosk.gpio";
    /** The key of each GPIO role's BCM pin, in {@link GpioPins.Role} order. */
    public static final Map<GpioPins.Role, String> GPIO_PINS = pinKeys();
    public static final String PRESENCE_ACTIVE_HIGH = "kiosk.gpio.presence-active-high";
    public static final String PIN_ENTRY = KioskFleetSettings.PIN_ENTRY.key();
    public static final String IDLE_LOCK = KioskFleetSettings.IDLE_LOCK.key();
    public static final String PRESENCE_LOCK = KioskFleetSettings.PRESENCE_LOCK.key();
    public static final String REAUTH_WINDOW = KioskFleetSettings.REAUTH_WINDOW.key();
    public static final String LOCK_GRACE = KioskFleetSettings.LOCK_GRACE.key();
    public static final String ADMISSION_DESK = "kiosk.admission-desk";
    public static final String LABEL_PRINTER = "kiosk.label-printer";
    public static final int DEFAULT_UI_PORT = 8090;

    /** Where card readers come from. */
    public enum Readers { PCSC, SANDBOX }

    /** Which GPIO board. */
    public enum Gpio {
        AUTO, GPIOD, MOCK;

        /**
         * The provider this setting gives on this machine, and why: for {@code auto}, what the board's device tree
         * says ({@link GpioProvider#detect}); otherwise the provider named. The one place the kiosk decides it
         * (its station and {@code ./vigie kiosk check}).
         */
        public GpioChoice choice() {
            return switch (this) {
                case AUTO -> GpioProvider.detect(GpioProvider.DEVICE_TREE_MODEL);
                case GPIOD -> GpioChoice.forced(GpioProvider.GPIOD);
                case MOCK -> GpioChoice.forced(GpioProvider.MOCK);
            };
        }
    }

    public StationConfig {
        if (uiPort < 0 || uiPort > 65_535) {
            throw new IllegalArgumentException(UI_PORT + " must be 0 to 65535, got " + uiPort);
        }
        Objects.requireNonNull(readers, READERS);
        Objects.requireNonNull(gpio, GPIO);
        Objects.requireNonNull(gpioPins, "gpioPins");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(labelPrinter, LABEL_PRINTER);
        if (labelPrinter.isPresent() && !admissionDesk) {
            throw new IllegalArgumentException(LABEL_PRINTER + " is only used on an admission desk (" + ADMISSION_DESK
                    + "=true)");
        }
    }

    /** A clinical workstation (no admission desk) on the Vigie HAT's pins. */
    public StationConfig(int uiPort, Readers readers, Gpio gpio, SessionTimeouts timeouts) {
        this(uiPort, readers, gpio, GpioPins.defaults(), timeouts, false, Optional.empty());
    }

    /** A station without a label printer, on the Vigie HAT's pins. */
    public StationConfig(int uiPort, Readers readers, Gpio gpio, SessionTimeouts timeouts, boolean admissionDesk) {
        this(uiPort, readers, gpio, GpioPins.defaults(), timeouts, admissionDesk, Optional.empty());
    }

    private static Map<GpioPins.Role, String> pinKeys() {
        Map<GpioPins.Role, String> keys = new EnumMap<>(GpioPins.Role.class);
        for (GpioPins.Role role : GpioPins.Role.values()) {
            keys.put(role, "kiosk.gpio." + role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return java.util.Collections.unmodifiableMap(keys);
    }

    /** Every default: PC/SC readers, detected GPIO on the Vigie HAT's pins, UI on port {@value #DEFAULT_UI_PORT}. */
    public static StationConfig defaults() {
        return new StationConfig(DEFAULT_UI_PORT, Readers.PCSC, Gpio.AUTO, GpioPins.defaults(),
                SessionTimeouts.from(KioskSettings.defaults()), false, Optional.empty());
    }

    /** The same with another UI port (the virtual fleet gives each kiosk its own). */
    public StationConfig withUiPort(int port) {
        return new StationConfig(port, readers, gpio, gpioPins, timeouts, admissionDesk, labelPrinter);
    }

    /** The same as an admission desk (the demo's desk), with no label printer. */
    public StationConfig asAdmissionDesk() {
        return new StationConfig(uiPort, readers, gpio, gpioPins, timeouts, true, labelPrinter);
    }

    /** The same with the session time limits of {@code fleet}, e.g. a rolled-out configuration, over the file's. */
    public StationConfig withFleetSettings(KioskSettings fleet) {
        return new StationConfig(uiPort, readers, gpio, gpioPins, SessionTimeouts.from(fleet), admissionDesk,
                labelPrinter);
    }

    /**
     * Reads the {@link #KEYS} present in {@code raw}; the others take their defaults. The session time limits are
     * fleet settings: read with the bounds and defaults a rollout has ({@link KioskSettings#fromProperties}).
     */
    public static StationConfig parse(Map<String, String> raw) throws KioskConfigException {
        StationConfig d = defaults();
        SessionTimeouts timeouts;
        try {
            timeouts = SessionTimeouts.from(KioskSettings.fromProperties(raw));
        } catch (ConfigException e) {
            String key = e.problem().map(p -> p.key()).orElse(IDLE_LOCK);
            throw new KioskConfigException(key, raw.get(key), e.getMessage());
        }
        boolean admissionDesk = flag(raw, ADMISSION_DESK, d.admissionDesk());
        Optional<URI> labelPrinter = printer(raw);
        if (labelPrinter.isPresent() && !admissionDesk) {
            throw new KioskConfigException(LABEL_PRINTER, raw.get(LABEL_PRINTER), "is only used on an admission desk ("
                    + ADMISSION_DESK + "=true)");
        }
        return new StationConfig((int) number(raw, UI_PORT, d.uiPort(), 0, 65_535),
                choice(raw, READERS, Readers.class, d.readers()), choice(raw, GPIO, Gpio.class, d.gpio()),
                pins(raw, d.gpioPins()), timeouts, admissionDesk, labelPrinter);
    }

    /** The {@link #GPIO_PINS} and {@value #PRESENCE_ACTIVE_HIGH}; a pin out of range or shared names its key(s). */
    private static GpioPins pins(Map<String, String> raw, GpioPins dflt) throws KioskConfigException {
        Map<GpioPins.Role, Integer> pin = new EnumMap<>(GpioPins.Role.class);
        for (Map.Entry<GpioPins.Role, String> e : GPIO_PINS.entrySet()) {
            String v = raw.get(e.getValue());
            pin.put(e.getKey(), v == null ? dflt.pin(e.getKey()) : bcm(e.getValue(), v));
        }
        boolean activeHigh = flag(raw, PRESENCE_ACTIVE_HIGH, dflt.presenceActiveHigh());
        try {
            return new GpioPins(pin.get(GpioPins.Role.LED_RED), pin.get(GpioPins.Role.LED_GREEN),
                    pin.get(GpioPins.Role.LED_BLUE), pin.get(GpioPins.Role.BUZZER), pin.get(GpioPins.Role.PRESENCE),
                    activeHigh);
        } catch (GpioPins.SharedPin e) {
            String key = GPIO_PINS.get(e.second());
            throw new KioskConfigException(key, String.valueOf(e.pin()), "BCM pin " + e.pin() + " is already "
                    + GPIO_PINS.get(e.first()) + "; each of " + String.join(", ", GPIO_PINS.values())
                    + " needs a pin of its own", e);
        }
    }

    private static int bcm(String key, String v) throws KioskConfigException {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0 && n <= GpioPins.MAX_BCM) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KioskConfigException(key, v, "must be a BCM GPIO number from 0 to " + GpioPins.MAX_BCM
                + " (the GPIO numbers of the Raspberry Pi's header, not the physical pin positions)");
    }

    private static Optional<URI> printer(Map<String, String> raw) throws KioskConfigException {
        String v = raw.get(LABEL_PRINTER);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IppPrinter.parseUri(v));
        } catch (IllegalArgumentException e) {
            throw new KioskConfigException(LABEL_PRINTER, v, e.getMessage());
        }
    }

    private static boolean flag(Map<String, String> raw, String key, boolean dflt) throws KioskConfigException {
        String v = raw.get(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new KioskConfigException(key, v, "must be true or false");
        };
    }

    private static long number(Map<String, String> raw, String key, long dflt, long min, long max) throws KioskConfigException {
        String v = raw.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KioskConfigException(key, v, "must be a whole number between " + min + " and " + max);
    }

    private static <E extends Enum<E>> E choice(Map<String, String> raw, String key, Class<E> type, E dflt) throws KioskConfigException {
        String v = raw.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new KioskConfigException(key, v, "must be one of " + names);
        }
    }
}
