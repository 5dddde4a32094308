/**
 * The kiosk's GPIO peripherals: a {@link fr.vigie.hardware.gpio.StatusLed}, a
 * {@link fr.vigie.hardware.gpio.Buzzer} and a {@link fr.vigie.hardware.gpio.PresenceSensor}.
 *
 * <p>The public API is these small interfaces, their value types, {@link fr.vigie.hardware.gpio.Pi4jBoard},
 * which builds Pi4J-backed implementations on configurable BCM pins, and
 * {@link fr.vigie.hardware.gpio.GpioProvider}, which chooses the provider: Pi4J's gpiod plugin on a Raspberry Pi
 * (its device tree names it; the kernel's GPIO character device, Pi 4 and Pi 5), its mock platform elsewhere.
 * Pi4J types stay inside this package. The Pi4J mock platform is a real Pi4J plugin (its inputs fire real listener
 * events), so the demo and the tests run the same code as a Pi. Off a device-tree machine Pi4J's board probe is
 * kept quiet (package-private {@code Pi4jPlatform}).
 */
package fr.vigie.hardware.gpio;
