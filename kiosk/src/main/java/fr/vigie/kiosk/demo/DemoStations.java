package fr.vigie.kiosk.demo;

import fr.vigie.kiosk.config.StationConfig;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.station.SignInStation;
import fr.vigie.kiosk.station.StationReaders;
import fr.vigie.kiosk.station.UiPorts;
import fr.vigie.protocol.KioskAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in stations of the kiosks of a {@link VirtualFleet}, one each, for {@code KioskMain}'s demo runs.
 * Each kiosk's station reads the readers its configuration names: the demo's virtual readers and CPS cards
 * ({@code kiosk.card.readers=sandbox}, the default with {@code --virtual}), checked against the local test
 * IGC-Santé, or the machine's PC/SC readers checked by the kiosk's own trust. Kiosks sharing a machine need
 * ports of their own: kiosk {@code i} (from 0) gets UI port {@code kiosk.ui.port + i}, or any free port when
 * that is 0. The demo's admission desk also has a patient's reader with the demo Vitale card
 * ({@link SandboxCards#admissionDesk}). Thread-safe to close.
 */
public final class DemoStations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoStations.class);
    private final List<SignInStation> stations;

    private DemoStations(List<SignInStation> stations) {
        this.stations = stations;
    }

    /**
     * Starts the stations of {@code kiosks}, calling {@code started} for each as soon as its UI serves. If one
     * fails to start, those already started are closed and the failure is thrown.
     *
     * @throws IllegalStateException when sandbox readers are asked of a kiosk package without the demo's virtual
     *     cards (the optional {@code vigie-hardware-sim} module)
     */
    public static DemoStations start(List<Kiosk> kiosks, BiConsumer<KioskAddress, SignInStation> started) {
        return start(kiosks, null, started);
    }

    /**
     * As {@link #start(List, BiConsumer)}; an admission desk ({@code kiosk.admission-desk=true}) on sandbox readers
     * also gets the demo's Vitale card, and with {@code sandboxOrigin} (the sandbox's server) its CPS cards are
     * certified by the sandbox IGC-Santé and checked by the kiosk's own trust, so that the hub the sandbox
     * configured accepts the agent they prove.
     *
     * @param sandboxOrigin the sandbox's server, e.g. {@code http://127.0.0.1:41234}, or null
     */
    public static DemoStations start(List<Kiosk> kiosks, URI sandboxOrigin,
            BiConsumer<KioskAddress, SignInStation> started) {
        List<SignInStation> out = new ArrayList<>(kiosks.size());
        try {
            for (int i = 0; i < kiosks.size(); i++) {
                Kiosk kiosk = kiosks.get(i);
                StationConfig config = UiPorts.forKiosk(kiosk.config().station(), i);
                SignInStation station;
                if (config.readers() != StationConfig.Readers.SANDBOX) {
                    station = SignInStation.startFor(kiosk, config, StationReaders.pcsc(),
                            kiosk.cardTrust().certificateCheck());
                } else if (config.admissionDesk() && sandboxOrigin != null) {
                    station = SignInStation.startFor(kiosk, config, SandboxCards.admissionDesk(sandboxOrigin),
                            kiosk.cardTrust().certificateCheck());
                } else if (config.admissionDesk()) {
                    SandboxCards demo = sandboxCards();
                    station = SignInStation.startFor(kiosk, config, new SandboxCards(demo.cards(), SandboxCards.DEMO_PIN,
                            SandboxCards.demoVitaleCard()), SandboxCards.certificateCheck(Clock.systemUTC()));
                } else {
                    station = SignInStation.startFor(kiosk, config, sandboxCards(), SandboxCards.certificateCheck(
                            Clock.systemUTC()));
                }
                out.add(station);
                started.accept(kiosk.address(), station);
            }
        } catch (RuntimeException | Error e) {
            new DemoStations(out).close();
            throw e;
        }
        return new DemoStations(List.copyOf(out));
    }

    private static SandboxCards sandboxCards() {
        try {
            return SandboxCards.demo();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(StationConfig.READERS + "=sandbox needs the demo's virtual cards"
                    + " (vigie-hardware-sim), which this kiosk installation leaves out", e);
        }
    }

    /** @return the stations, in kiosk order */
    public List<SignInStation> stations() {
        return stations;
    }

    @Override
    public void close() {
        for (SignInStation s : stations) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("closing a sign-in station failed", e);
            }
        }
    }
}
