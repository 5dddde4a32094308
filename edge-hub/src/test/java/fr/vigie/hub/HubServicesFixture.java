package fr.vigie.hub;

/**
 * Test fixture: the services of a running hub, for tests that set up or check what the public API,
 * REST or the device API do not reach directly (an agent proven in process, a registry read after an
 * admission). In test scope only, shared through the edge-hub test-jar; production code has no way in.
 *
 * <pre>{@code
 * import static fr.vigie.hub.HubServicesFixture.registries;
 * assertEquals(RnivStatus.QUAL, registries(hub).identities().find(id).orElseThrow().state().status());
 * }</pre>
 */
public final class HubServicesFixture {
    private HubServicesFixture() {
    }

    /** What {@code hub} records: identities, staff, audit log and anchor, INSi calls. */
    public static HubRegistries registries(EdgeHub hub) {
        return hub.registries();
    }

    /** What {@code hub} does for kiosks: enrolments, fleet, agents, admission, PSC sign-ins. */
    public static KioskServices kiosks(EdgeHub hub) {
        return hub.kiosks();
    }
}
