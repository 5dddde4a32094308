package fr.vigie.kiosk.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.vigie.hardware.gpio.GpioPins;
import fr.vigie.hardware.gpio.GpioProvider;
import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.demo.SandboxCards;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A station opens its board on the configured pins and says in one INFO line which provider, why, and which pins. */
class StationGpioTest {
    @Test
    void theStationsBoardRunsOnTheConfiguredPinsAndItsStartLineSaysSo() throws Exception {
        StationConfig config = StationConfig.parse(Map.of("kiosk.ui.port", "0", "kiosk.card.readers", "sandbox",
                "kiosk.gpio", "mock", "kiosk.gpio.buzzer", "12", "kiosk.gpio.presence", "24",
                "kiosk.gpio.presence-active-high", "false"));
        Logger logger = (Logger) LoggerFactory.getLogger(SignInStation.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (SignInStation station = SignInStation.builder(config, e -> { }, SandboxCards.demo(),
                SandboxCards.certificateCheck(Clock.systemUTC())).start()) {
            assertEquals(new GpioPins(17, 27, 22, 12, 24, false), station.board().pins());
            assertEquals(GpioProvider.MOCK, station.board().choice().provider());
        } finally {
            logger.detachAppender(log);
        }
        List<String> gpioLines = log.list.stream().filter(e -> e.getFormattedMessage().startsWith("GPIO"))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        assertEquals(List.of("INFO GPIO: mock (forced by the setting) with kiosk.gpio=mock; pins LED red 17, green 27,"
                + " blue 22, buzzer 12, presence 24 (active low)"), gpioLines);
        assertTrue(log.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)), log.list::toString);
    }
}
