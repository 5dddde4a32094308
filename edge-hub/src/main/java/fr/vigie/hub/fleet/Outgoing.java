package fr.vigie.hub.fleet;

/** Where the hub publishes to kiosks: the broker, through {@link FleetLink}, or a test double. */
@FunctionalInterface
interface Outgoing {
    /**
     * Publishes at QoS 1 and returns once the broker has it.
     *
     * @throws Exception when the broker cannot take it
     */
    void publish(String topic, byte[] payload, boolean retained) throws Exception;
}
