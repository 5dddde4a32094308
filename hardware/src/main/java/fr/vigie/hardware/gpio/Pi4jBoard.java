package fr.vigie.hardware.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Clock;

/**
 * The kiosk's GPIO peripherals on a Pi4J context: a {@link StatusLed} on three outputs, a
 * {@link Buzzer} on one output and a {@link PresenceSensor} on one input, at the BCM pins of a
 * {@link GpioPins}, on the provider of a {@link GpioChoice} ({@link GpioChoice#open}). Thread-safe. Closing it shuts the Pi4J context down (outputs go low).
 *
 * <pre>{@code
 * try (Pi4jBoard board = Pi4jBoard.onMockPlatform(GpioPins.defaults(), clock, Delays.of(scheduler))) {
 *     board.statusLed().show(LedColour.GREEN);
 *     board.presenceSensor().addListener(change -> session.presence(change));
 * }
 * }</pre>
 */
public final class Pi4jBoard implements AutoCloseable {
    private final Context context;
    private final GpioPins pins;
    private final GpioChoice choice;
    private final Pi4jStatusLed led;
    private final Pi4jBuzzer buzzer;
    private final Pi4jPresenceSensor presence;

    private Pi4jBoard(Context context, GpioChoice choice, GpioPins pins, Clock clock, Delays delays) {
        this.context = context;
        this.choice = choice;
        this.pins = pins;
        try {
            this.led = new Pi4jStatusLed(output("led-red", pins.ledRed()), output("led-green", pins.ledGreen()),
                    output("led-blue", pins.ledBlue()));
            this.buzzer = new Pi4jBuzzer(output("buzzer", pins.buzzer()), delays);
            DigitalInput in = context.create(DigitalInput.newConfigBuilder(context).id("presence")
                    .name("presence sensor").address(pins.presence())
                    .pull(pins.presenceActiveHigh() ? PullResistance.PULL_DOWN : PullResistance.PULL_UP));
            if (in instanceof MockDigitalInput mock) {
                // A pulled-up (active-low) sensor idles high on a real board: start the mock the same way.
                mock.mockState(pins.presenceActiveHigh() ? DigitalState.LOW : DigitalState.HIGH);
            }
            this.presence = new Pi4jPresenceSensor(in, pins.presenceActiveHigh(), clock);
        } catch (RuntimeException e) {
            context.shutdown();
            throw e;
        }
    }

    /**
     * Builds the board on Pi4J's mock platform: the demo's and the tests' board. Its inputs fire real
     * Pi4J events when their state is mocked.
     */
    public static Pi4jBoard onMockPlatform(GpioPins pins, Clock clock, Delays delays) {
        return GpioChoice.forced(GpioProvider.MOCK).open(pins, clock, delays);
    }

    /** Builds the board on the Pi4J context of {@code choice}'s provider, which the board then owns. */
    static Pi4jBoard on(Context context, GpioChoice choice, GpioPins pins, Clock clock, Delays delays) {
        return new Pi4jBoard(context, choice, pins, clock, delays);
    }

    private DigitalOutput output(String id, int bcm) {
        return context.create(DigitalOutput.newConfigBuilder(context).id(id).name(id).address(bcm)
                .initial(DigitalState.LOW).shutdown(DigitalState.LOW));
    }

    /** The provider this board runs on and why. */
    public GpioChoice choice() {
        return choice;
    }

    /** The BCM pins this board drives. */
    public GpioPins pins() {
        return pins;
    }

    public StatusLed statusLed() {
        return led;
    }

    public Buzzer buzzer() {
        return buzzer;
    }

    public PresenceSensor presenceSensor() {
        return presence;
    }

    /**
     * Sets the presence sensor's level on the mock platform, as a person stepping in front of or away
     * from the kiosk would: listeners get a real Pi4J event. For the demo and tests.
     *
     * @throws IllegalStateException if this board is not on the mock platform
     */
    public void simulatePresence(boolean present) {
        Object input = context.io("presence");
        if (!(input instanceof MockDigitalInput mock)) {
            throw new IllegalStateException("presence can only be simulated on the mock platform");
        }
        mock.mockState(present == pins.presenceActiveHigh() ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** The Pi4J context, for tests in this package that drive mock inputs. */
    Context context() {
        return context;
    }

    @Override
    public void close() {
        context.shutdown();
    }
}
