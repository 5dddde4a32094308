package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.card.ReaderEvent;
import fr.vigie.hardware.card.TerminalSource;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link fr.vigie.hardware.card.ReaderMonitor} events into session inputs: a CPS inserted in
 * any reader is opened with {@link CpsCard} (contact or contactless application), its holder read
 * and handed to the session with a {@link CpsCardAuthenticator}; the contact card leaving its reader
 * (or the reader or the PC/SC service going away) is a card removal. A card that is not a CPS (a
 * Vitale card) is ignored here. Use one instance as the monitor's listener; it is called on the
 * monitor's thread only.
 *
 * <pre>{@code
 * var inputs = new CardReaderInputs(terminals, session, kiosk.cardTrust().certificateCheck(), new SecureRandom());
 * new ReaderMonitor(terminals, inputs, clock, Duration.ofMillis(100)).start();
 * }</pre>
 */
public final class CardReaderInputs implements Consumer<ReaderEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(CardReaderInputs.class);

    private final TerminalSource terminals;
    private final ClinicianSession session;
    private final CertificateCheck check;
    private final SecureRandom random;
    private String contactReader;
    private Card contactCard;

    public CardReaderInputs(TerminalSource terminals, ClinicianSession session, CertificateCheck check,
            SecureRandom random) {
        this.terminals = Objects.requireNonNull(terminals, "terminals");
        this.session = Objects.requireNonNull(session, "session");
        this.check = Objects.requireNonNull(check, "check");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized void accept(ReaderEvent event) {
        switch (event.type()) {
            case CARD_INSERTED -> inserted(event.reader());
            case CARD_REMOVED, READER_REMOVED -> {
                if (event.reader().equals(contactReader)) {
                    contactGone();
                }
            }
            case SERVICE_LOST -> {
                if (contactReader != null) {
                    contactGone();
                }
            }
            default -> {
            }
        }
    }

    private void inserted(String reader) {
        Card card = null;
        try {
            CardTerminal terminal = terminals.open().getTerminal(reader);
            if (terminal == null) {
                LOG.warn("card inserted in reader '{}', which is gone", reader);
                return;
            }
            card = terminal.connect("*");
            CpsCard cps = CpsCard.open(card, null);
            boolean contact = cps.mode() == CpsCard.Mode.CONTACT;
            PresentedCard presented = new PresentedCard(cps.holder(),
                    contact ? PresentedCard.Interface.CONTACT : PresentedCard.Interface.CONTACTLESS,
                    new CpsCardAuthenticator(cps, check, random));
            if (contact) {
                contactReader = reader;
                contactCard = card;
                session.cardInserted(presented);
            } else {
                session.tap(presented);
                disconnect(card);
            }
        } catch (CardOperationException e) {
            LOG.info("card in reader '{}' is not usable for sign-in: {}", reader, e.error());
            disconnect(card);
        } catch (CardException e) {
            LOG.warn("card in reader '{}' could not be connected: {}", reader, e.getMessage());
        }
    }

    private void contactGone() {
        disconnect(contactCard);
        contactReader = null;
        contactCard = null;
        session.cardRemoved();
    }

    private static void disconnect(Card card) {
        if (card == null) {
            return;
        }
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            LOG.debug("disconnect: {}", e.getMessage());
        }
    }
}
