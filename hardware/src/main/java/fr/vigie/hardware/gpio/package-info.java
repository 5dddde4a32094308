/**
 * The kiosk's GPIO peripherals: a {@link fr.vigie.hardware.gpio.StatusLed}, a
 * {@link fr.vigie.hardware.gpio.Buzzer} and a {@link fr.vigie.hardware.gpio.PresenceSensor}.
 *
 * <p>The public API is these small interfaces, their value types, {@link fr.vigie.hardware.gpio.GpioPins} (the
 * BCM pin of each role, checked), {@link fr.vigie.hardware.gpio.GpioProvider}, the one place that tells a
 * Raspberry Pi (its device tree names it) from any other machine and so chooses Pi4J's gpiod plugin (the kernel's
 * GPIO character device, Pi 4 and Pi 5) or its mock platform, {@link fr.vigie.hardware.gpio.GpioChoice} (that
 * choice with its reason, which opens the board) and {@link fr.vigie.hardware.gpio.Pi4jBoard}, the Pi4J-backed
 * implementations. Pi4J types stay inside this package. The Pi4J mock platform is a real Pi4J plugin (its inputs
 * fire real listener events), so the demo and the tests run the same code as a Pi. Pi4J's board probe is kept
 * quiet on the mock (package-private {@code Pi4jPlatform}).
 */
package fr.vigie.hardware.gpio;
