package fr.vigie.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.hardware.gpio.GpioPins;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code kiosk.gpio.*}: the BCM pin of each peripheral, read and checked with the rest of the kiosk's settings. */
class GpioPinSettingsTest {
    private static Map<String, String> settings(String... keyValues) {
        Map<String, String> raw = new HashMap<>(Map.of("kiosk.site", "chu-nord", "kiosk.id", "accueil-1"));
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put(keyValues[i], keyValues[i + 1]);
        }
        return raw;
    }

    private static GpioPins pins(String... keyValues) throws KioskConfigException {
        return KioskConfig.load(null, settings(keyValues)).station().gpioPins();
    }

    @Test
    void withoutPinSettingsTheKioskUsesTheVigieHatWiring() throws Exception {
        assertEquals(new GpioPins(17, 27, 22, 18, 23, true), pins());
        assertEquals(GpioPins.defaults(), StationConfig.defaults().gpioPins());
    }

    @Test
    void eachRoleHasItsOwnKey() throws Exception {
        assertEquals(new GpioPins(5, 6, 13, 19, 26, false), pins("kiosk.gpio.led-red", "5", "kiosk.gpio.led-green", "6",
                "kiosk.gpio.led-blue", "13", "kiosk.gpio.buzzer", "19", "kiosk.gpio.presence", " 26 ",
                "kiosk.gpio.presence-active-high", "false"));
        // one pin moved, the others keep the HAT's
        assertEquals(new GpioPins(17, 27, 22, 12, 23, true), pins("kiosk.gpio.buzzer", "12"));
        assertEquals(Map.of(GpioPins.Role.LED_RED, "kiosk.gpio.led-red", GpioPins.Role.LED_GREEN, "kiosk.gpio.led-green",
                GpioPins.Role.LED_BLUE, "kiosk.gpio.led-blue", GpioPins.Role.BUZZER, "kiosk.gpio.buzzer",
                GpioPins.Role.PRESENCE, "kiosk.gpio.presence"), StationConfig.GPIO_PINS);
    }

    @Test
    void theWholeBcmRangeIsAccepted() throws Exception {
        assertEquals(0, pins("kiosk.gpio.buzzer", "0").buzzer());
        assertEquals(27, pins("kiosk.gpio.led-green", "4", "kiosk.gpio.presence", "27").presence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"28", "-1", "40", "GPIO18", "12.0", ""})
    void aPinOutsideTheRaspberryPisGpioIsRefusedNamingItsKey(String value) {
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> pins("kiosk.gpio.presence", value));
        assertEquals("kiosk.gpio.presence", e.key());
        assertEquals(value, e.value());
        assertEquals(KioskConfigException.CODE, e.code());
        assertEquals("kiosk.gpio.presence = '" + value + "': must be a BCM GPIO number from 0 to 27 (the GPIO numbers"
                + " of the Raspberry Pi's header, not the physical pin positions)", e.getMessage());
    }

    @Test
    void twoRolesOnOnePinAreRefusedNamingBoth() {
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> pins("kiosk.gpio.buzzer", "17"));
        assertEquals("kiosk.gpio.buzzer", e.key());
        assertEquals("17", e.value());
        assertEquals("kiosk.gpio.buzzer = '17': BCM pin 17 is already kiosk.gpio.led-red; each of kiosk.gpio.led-red,"
                + " kiosk.gpio.led-green, kiosk.gpio.led-blue, kiosk.gpio.buzzer, kiosk.gpio.presence needs a pin of"
                + " its own", e.getMessage());

        KioskConfigException moved = assertThrows(KioskConfigException.class,
                () -> pins("kiosk.gpio.led-red", "4", "kiosk.gpio.presence", "4"));
        assertEquals("kiosk.gpio.presence", moved.key());
    }

    @Test
    void presenceActiveHighIsTrueOrFalse() {
        KioskConfigException e = assertThrows(KioskConfigException.class,
                () -> pins("kiosk.gpio.presence-active-high", "yes"));
        assertEquals("kiosk.gpio.presence-active-high", e.key());
    }

    @Test
    void aMisspelledPinKeyIsAnUnknownKey() {
        KioskConfigException e = assertThrows(KioskConfigException.class, () -> pins("kiosk.gpio.led-yellow", "5"));
        assertEquals("kiosk.gpio.led-yellow", e.key());
    }

    @Test
    void anotherUiPortKeepsThePins() throws Exception {
        StationConfig s = KioskConfig.load(null, settings("kiosk.gpio.buzzer", "12")).station();
        assertEquals(s.gpioPins(), s.withUiPort(9001).gpioPins());
    }
}
