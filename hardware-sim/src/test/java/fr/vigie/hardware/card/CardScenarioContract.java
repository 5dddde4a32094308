package fr.vigie.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.vigie.hardware.sim.card.VirtualCardStation;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The smart-card scenario of issue 4, run over every transport that must behave the same:
 * subclasses provide the {@link VirtualCardStation} (in-process reader, or pcscd + vpcd).
 */
@Timeout(60)
public abstract class CardScenarioContract {
    private VirtualCardStation station;
    private final List<ReaderEvent> events = new CopyOnWriteArrayList<>();
    private ReaderMonitor monitor;
    private final byte[] challenge = new SecureRandom().generateSeed(32);

    protected abstract VirtualCardStation newStation() throws Exception;

    @BeforeEach
    void startStation() throws Exception {
        station = newStation();
        monitor = new ReaderMonitor(station.terminals(), events::add, Clock.systemUTC(), Duration.ofMillis(100));
        monitor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> has(ReaderEvent.Type.READER_ADDED));
    }

    @AfterEach
    void stopStation() {
        monitor.close();
        station.close();
    }

    private boolean has(ReaderEvent.Type type) {
        return events.stream().anyMatch(e -> e.type() == type && (e.reader().isEmpty()
                || e.reader().equals(station.readerName())));
    }

    private Card connect() throws Exception {
        CardTerminal terminal = station.terminals().open().getTerminal(station.readerName());
        return terminal.connect("*");
    }

    @Test
    void insertingACardIsReportedAndItsHolderRead() throws Exception {
        VirtualCpsCard card = TestCards.cps();
        station.insert(card);

        await().atMost(Duration.ofSeconds(5)).until(() -> has(ReaderEvent.Type.CARD_INSERTED));
        CpsCard cps = CpsCard.open(connect(), null);
        assertThat(cps.holder().idNatPs()).isEqualTo(TestCards.ID_NAT_PS);
        assertThat(cps.serial()).isEqualTo(card.serial());
    }

    @Test
    void rightPinThenChallengeSignsIn() throws Exception {
        station.insert(TestCards.cps());
        CpsCard cps = CpsCard.open(connect(), null);
        cps.verifyPin("1234");
        assertThat(cps.authenticate(challenge)).hasSize(256);
    }

    @Test
    void twoWrongPinsThenTheRightOneSignsIn() throws Exception {
        station.insert(TestCards.cps());
        CpsCard cps = CpsCard.open(connect(), null);
        assertThatThrownBy(() -> cps.verifyPin("0000")).isInstanceOfSatisfying(CardRejectedException.class,
                e -> assertThat(e.triesLeft()).hasValue(2));
        assertThatThrownBy(() -> cps.verifyPin("0000")).isInstanceOfSatisfying(CardRejectedException.class,
                e -> assertThat(e.triesLeft()).hasValue(1));
        cps.verifyPin("1234");
        assertThat(cps.authenticate(challenge)).hasSize(256);
        assertThat(cps.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void threeWrongPinsBlockTheCard() throws Exception {
        VirtualCpsCard card = TestCards.cps();
        station.insert(card);
        CpsCard cps = CpsCard.open(connect(), null);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cps.verifyPin("9999")).hasMessageContaining("CARD_PIN_WRONG");
        }
        assertThatThrownBy(() -> cps.verifyPin("9999")).isInstanceOfSatisfying(CardRejectedException.class,
                e -> assertThat(e.error()).isEqualTo(CardError.CARD_PIN_BLOCKED));
        assertThatThrownBy(() -> cps.verifyPin("1234")).hasMessageContaining("CARD_PIN_BLOCKED");
        assertThatThrownBy(() -> cps.authenticate(challenge)).hasMessageContaining("CARD_SECURITY_NOT_SATISFIED");
        assertThat(card.pinTriesLeft()).isZero();
    }

    @Test
    void cardPulledOutDuringSignInFailsCleanlyAndTheNextCardWorks() throws Exception {
        // pulled out while the card answers its 6th command (in the middle of reading the certificate)
        station.insert(new PulledOutCard(TestCards.cps(), 6, station::remove));
        await().atMost(Duration.ofSeconds(5)).until(() -> has(ReaderEvent.Type.CARD_INSERTED)); // the kiosk reads on insertion
        CpsCard cps = CpsCard.open(connect(), null);

        assertThatThrownBy(cps::holder).isInstanceOfSatisfying(CardFailedException.class,
                e -> assertThat(e.error()).isEqualTo(CardError.CARD_REMOVED));
        await().atMost(Duration.ofSeconds(5)).until(() -> has(ReaderEvent.Type.CARD_REMOVED));

        station.insert(TestCards.cps());
        CpsCard next = CpsCard.open(connect(), null);
        next.verifyPin("1234");
        assertThat(next.authenticate(challenge)).hasSize(256);
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vigie-reader ")).count()).isEqualTo(monitor.readers().size());
    }

    @Test
    void theMonitorRecoversWhenTheReaderServiceRestarts() throws Exception {
        station.insert(TestCards.cps());
        await().atMost(Duration.ofSeconds(5)).until(() -> has(ReaderEvent.Type.CARD_INSERTED));

        station.stopService();
        await().atMost(Duration.ofSeconds(10)).until(() -> has(ReaderEvent.Type.SERVICE_LOST));
        events.clear();
        station.startService();

        await().atMost(Duration.ofSeconds(15)).until(() -> has(ReaderEvent.Type.SERVICE_RESTORED)
                && has(ReaderEvent.Type.READER_ADDED) && has(ReaderEvent.Type.CARD_INSERTED));
        CpsCard cps = CpsCard.open(connect(), null);
        cps.verifyPin("1234");
        assertThat(cps.authenticate(challenge)).hasSize(256);
    }
}
