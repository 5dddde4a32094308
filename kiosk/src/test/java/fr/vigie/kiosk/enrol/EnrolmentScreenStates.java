package fr.vigie.kiosk.enrol;

/** Moves an {@link EnrolmentState} from a test, as the kiosk's enrolment does, to show each enrolment screen. */
public final class EnrolmentScreenStates {
    private EnrolmentScreenStates() {
    }

    public static void set(EnrolmentState state, EnrolmentState.Phase phase, String reason) {
        state.set(phase, reason);
    }
}
