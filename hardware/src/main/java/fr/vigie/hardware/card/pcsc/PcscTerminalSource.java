package fr.vigie.hardware.card.pcsc;

import fr.vigie.hardware.card.TerminalSource;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's PC/SC service (pcsc-lite's {@code pcscd}) through the JDK's {@code javax.smartcardio}.
 *
 * <p>The JDK's provider keeps one PC/SC context per JVM: once {@code pcscd} restarts, every call
 * fails with that dead context. {@link #open()} checks the context and, when it is dead,
 * establishes a new one by resetting the provider's context field; that needs the JVM option
 * {@value #ADD_OPENS}. Without it the service is only recovered by restarting the JVM, which is
 * logged once. Thread-safe.
 */
public final class PcscTerminalSource implements TerminalSource {
    /** JVM option that lets this class renew the JDK's PC/SC context after a pcscd restart. */
    public static final String ADD_OPENS = "--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED";
    private static final Logger LOG = LoggerFactory.getLogger(PcscTerminalSource.class);
    private static boolean warnedNoRenewal;

    private final Path library;

    private PcscTerminalSource(Path library) {
        this.library = library;
    }

    /** @return the PC/SC service through {@code library} (or the one already configured) */
    public static PcscTerminalSource withLibrary(Path library) {
        return new PcscTerminalSource(PcscLibrary.configure(library));
    }

    /** @return the PC/SC service through the library {@link PcscLibrary#locate()} finds */
    public static PcscTerminalSource system() {
        return withLibrary(PcscLibrary.locate().orElseThrow(() -> new IllegalStateException(
                "libpcsclite.so.1 not found: install pcscd/libpcsclite1 or set -D" + PcscLibrary.PROPERTY)));
    }

    @Override
    public CardTerminals open() throws CardException {
        synchronized (PcscTerminalSource.class) {
            try {
                CardTerminals terminals = factory().terminals();
                terminals.list();
                return terminals;
            } catch (CardException | NoSuchAlgorithmException e) {
                if (!renewContext()) {
                    throw e instanceof CardException c ? c : new CardException("PC/SC service unavailable", e);
                }
                try {
                    return factory().terminals();
                } catch (NoSuchAlgorithmException again) {
                    throw new CardException("PC/SC service unavailable (SCARD_E_NO_SERVICE)", again);
                }
            }
        }
    }

    private static TerminalFactory factory() throws NoSuchAlgorithmException {
        return TerminalFactory.getInstance("PC/SC", null);
    }

    /** Forgets the JDK's dead context and its cached terminals, so the next factory makes a new one. */
    private static boolean renewContext() {
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            Field context = terminals.getDeclaredField("contextId");
            context.setAccessible(true);
            Field cache = terminals.getDeclaredField("terminals");
            cache.setAccessible(true);
            synchronized (terminals) {
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warnedNoRenewal) {
                warnedNoRenewal = true;
                LOG.warn("cannot renew the PC/SC context after a service restart ({}); start the JVM with {}",
                        e.toString(), ADD_OPENS);
            }
            return false;
        }
    }

    @Override
    public String describe() {
        return "pcsc-lite via " + library;
    }
}
