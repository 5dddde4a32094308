package fr.vigie.kiosk.session;

import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.protocol.EventPayload.SessionTransition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's parts wired as {@link ClinicianSession} wires them, minus its lock: a single-threaded
 * fixture to test the state machine, the card side and the PSC binding each on its own. Records the events,
 * the LED colours, the beeps and what was asked of PSC; time moves only by {@link #advance}.
 */
final class Parts extends RecordedSignals implements PscLink {
    final ManualTimers timers = new ManualTimers(Rig.T0);
    final List<SessionTransition> events = new ArrayList<>();
    final List<String> askedOfPsc = new ArrayList<>();
    final ReauthWindow window = new ReauthWindow(Rig.TIMEOUTS.reauthWindow());
    final SessionStateMachine machine;
    final CardSignIn cards;
    final PscBinding psc;
    private int ids;

    /** Parts of a kiosk with a hub (PSC asked after card sign-ins). */
    Parts() {
        this(true);
    }

    Parts(boolean withHub) {
        machine = new SessionStateMachine(Rig.TIMEOUTS, timers, timers, () -> "s" + ++ids,
                new SessionOutputs(events::add, new SessionSignals(this, this)));
        cards = new CardSignIn(machine, window, timers);
        psc = new PscBinding(machine, window, withHub ? this : PscLink.NONE, timers, timers);
    }

    /** {@code who} inserts their contact card and types the right PIN; returns their session. */
    SessionRecord signIn(CpsCredential who) {
        insert(who);
        CardClaim claim = cards.claimPin().orElseThrow(() -> new IllegalStateException("no PIN expected: "
                + machine.state()));
        if (cards.pinVerified(claim, Verification.ok())) {
            psc.cardSignedIn(claim.session());
        }
        return claim.session();
    }

    /** {@code who} inserts their contact card: the kiosk asks for the PIN. */
    SessionRecord insert(CpsCredential who) {
        cards.inserted(Rig.contact(who, new ScriptedCard("1234")));
        return machine.foreground();
    }

    List<String> path(String sessionId) {
        return events.stream().filter(e -> e.sessionId().equals(sessionId)).map(e -> e.to() + ":" + e.reason())
                .toList();
    }

    SessionTransition last() {
        return events.get(events.size() - 1);
    }

    void advance(Duration d) {
        timers.advance(d);
    }

    @Override
    public void cardSignedIn(String sessionId, String idNatPs) {
        askedOfPsc.add(sessionId + " " + idNatPs);
    }

    @Override
    public void exerciceChosen(String sessionId, int index) {
        askedOfPsc.add(sessionId + " #" + index);
    }
}
