/**
 * The kiosk's GPIO peripherals: a {@link fr.vigie.hardware.gpio.StatusLed}, a
 * {@link fr.vigie.hardware.gpio.Buzzer} and a {@link fr.vigie.hardware.gpio.PresenceSensor}.
 *
 * <p>The public API is these small interfaces, their value types and {@link fr.vigie.hardware.gpio.Pi4jBoard},
 * which builds Pi4J-backed implementations on configurable BCM pins. Pi4J types stay inside this
 * package. The Pi4J mock platform is a real Pi4J plugin (its inputs fire real listener events), so
 * the demo and the tests run the same code as a Raspberry Pi. Off a Raspberry Pi (no
 * {@code /proc/device-tree/model}) the board is on the mock platform and Pi4J's board probe is kept quiet;
 * on a Pi, Pi4J's detected platform and every message of its own (package-private {@code Pi4jPlatform}).
 */
package fr.vigie.hardware.gpio;
