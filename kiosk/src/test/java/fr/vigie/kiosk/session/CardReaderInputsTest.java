package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hardware.card.ReaderEvent;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.card.VirtualVitaleCard;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Reader events drive the session: insertions become sign-ins or taps, removals lock. */
class CardReaderInputsTest {
    private final Rig rig = new Rig();
    private final ClinicianSession session = rig.session;
    private final VirtualReaders readers = new VirtualReaders("Contact", "Tap");
    private final VirtualCpsCard martin = VirtualCpsCard.builder(Rig.MARTIN).pin("7319").build();
    private final CardReaderInputs inputs = new CardReaderInputs(readers, session,
            rig.trustedCheck(), new SecureRandom());

    private void event(ReaderEvent.Type type, String reader) {
        inputs.accept(new ReaderEvent(type, reader, rig.timers.instant(), ""));
    }

    @Test
    void insertingRemovingAndTappingACpsDriveTheSession() {
        readers.insert("Contact", martin);
        event(ReaderEvent.Type.CARD_INSERTED, "Contact");
        assertEquals(SessionState.PIN_ENTRY, session.state());
        assertEquals(SessionState.OPEN, session.submitPin("7319".toCharArray()));

        readers.remove("Contact");
        event(ReaderEvent.Type.CARD_REMOVED, "Contact");
        assertEquals(SessionState.LOCKED, session.state());

        readers.insert("Tap", martin.contactless());
        event(ReaderEvent.Type.CARD_INSERTED, "Tap");
        assertEquals(SessionState.OPEN, session.state());
        readers.remove("Tap");
        event(ReaderEvent.Type.CARD_REMOVED, "Tap");
        assertEquals(SessionState.OPEN, session.state(), "a contactless card leaving does not lock");
    }

    @Test
    void losingThePcscServiceLocksLikeARemovedCard() {
        readers.insert("Contact", martin);
        event(ReaderEvent.Type.CARD_INSERTED, "Contact");
        session.submitPin("7319".toCharArray());

        event(ReaderEvent.Type.SERVICE_LOST, "");

        assertEquals(SessionState.LOCKED, session.state());
        assertEquals("CARD_REMOVED", rig.last().reason());
    }

    @Test
    void aCardThatIsNotACpsOrNoCardAtAllIsIgnored() {
        readers.insert("Contact", new VirtualCard() {
            @Override
            public byte[] atr() {
                return VirtualVitaleCard.ATR;
            }

            @Override
            public byte[] process(byte[] command) {
                return new byte[] {0x6A, (byte) 0x82}; // file or application not found
            }

            @Override
            public void reset() {
            }

            @Override
            public String describe() {
                return "not a CPS";
            }
        });
        event(ReaderEvent.Type.CARD_INSERTED, "Contact");
        event(ReaderEvent.Type.CARD_INSERTED, "Tap");

        assertEquals(SessionState.IDLE, session.state());
        assertEquals(0, rig.events.size());
    }
}
