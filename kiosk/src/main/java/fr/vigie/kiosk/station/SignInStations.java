package fr.vigie.kiosk.station;

import fr.vigie.hardware.barcode.PayloadClassifier;
import fr.vigie.kiosk.Kiosk;
import fr.vigie.kiosk.admission.AdmissionClient;
import fr.vigie.kiosk.admission.AgentProof;
import fr.vigie.kiosk.admission.HubAgentClient;
import fr.vigie.kiosk.admission.AdmissionDesk;
import fr.vigie.kiosk.admission.AdmissionScreens;
import fr.vigie.kiosk.admission.VitaleSource;
import fr.vigie.kiosk.enrol.EnrolmentScreens;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.psc.HubPscClient;
import fr.vigie.kiosk.session.SessionSink;
import fr.vigie.protocol.KioskAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link SignInStation} per running kiosk, for {@code KioskMain}: each kiosk's session events go
 * to its own outbox. When several kiosks share a machine (the virtual fleet), kiosk {@code i} (from 0)
 * gets UI port {@code kiosk.ui.port + i}, or any free port when that is 0. Thread-safe to close.
 */
public final class SignInStations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignInStations.class);
    private final List<SignInStation> stations;
    private final List<AgentProof> proofs;

    private SignInStations(List<SignInStation> stations, List<AgentProof> proofs) {
        this.stations = stations;
        this.proofs = proofs;
    }

    /**
     * Starts the stations of {@code kiosks}, calling {@code started} for each as soon as its UI serves.
     * If one fails to start, those already started are closed and the failure is thrown.
     */
    public static SignInStations start(List<Kiosk> kiosks, BiConsumer<KioskAddress, SignInStation> started) {
        List<SignInStation> out = new ArrayList<>(kiosks.size());
        List<AgentProof> proofs = new ArrayList<>();
        try {
            for (int i = 0; i < kiosks.size(); i++) {
                Kiosk kiosk = kiosks.get(i);
                StationConfig config = UiPorts.forKiosk(kiosk.config().station(), i);
                SignInStation.Builder builder = SignInStation.builder(config, SessionSink.outboxOf(kiosk));
                if (config.readers() == StationConfig.Readers.PCSC) {
                    builder.certificateCheck(kiosk.cardTrust().certificateCheck());
                }
                // online, the hub runs Pro Santé Connect CIBA for the session (card sign-in and e-CPS)
                kiosk.hubApi().ifPresent(api -> builder.pscHub(new HubPscClient(api)));
                SignInStation s = builder.start();
                out.add(s);
                // an unenrolled kiosk shows its enrolment code and QR above everything else
                kiosk.enrolment().ifPresent(state -> EnrolmentScreens.attach(s.ui(), state));
                if (config.admissionDesk()) {
                    proofs.add(admissionDesk(kiosk, s));
                }
                started.accept(kiosk.address(), s);
            }
        } catch (RuntimeException | Error e) {
            new SignInStations(out, proofs).close();
            throw e;
        }
        return new SignInStations(List.copyOf(out), List.copyOf(proofs));
    }

    /**
     * Puts the admission desk's screens on the station: the agent, once signed in and proven to the hub
     * (card signature over a hub nonce, or the session's PSC sign-in), qualifies patients. The hub must know
     * the kiosk as an admission desk too ({@code PUT /api/v1/devices/{site}/{kioskId}/role}).
     */
    private static AgentProof admissionDesk(Kiosk kiosk, SignInStation station) {
        HubApi api = kiosk.hubApi().orElseThrow(() -> new IllegalStateException(StationConfig.ADMISSION_DESK
                + " needs a kiosk enrolled with a hub (kiosk.hub.url): admission queries INSi through the hub"));
        Clock clock = Clock.systemUTC();
        AgentProof proof = AgentProof.start(station.session(), new HubAgentClient(api), station::pscRequest, clock);
        AdmissionDesk desk = new AdmissionDesk(station.session(), new AdmissionClient(api, clock), proof,
                kiosk::accept, PayloadClassifier.standard(clock), clock);
        AdmissionScreens.attach(station.ui(), station.session(), desk, VitaleSource.anyReader(station.terminals()));
        return proof;
    }

    /** @return the stations, in kiosk order */
    public List<SignInStation> stations() {
        return stations;
    }

    @Override
    public void close() {
        proofs.forEach(AgentProof::close);
        for (SignInStation s : stations) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("closing a sign-in station failed", e);
            }
        }
    }
}
