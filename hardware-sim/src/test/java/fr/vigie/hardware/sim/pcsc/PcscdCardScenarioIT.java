package fr.vigie.hardware.sim.pcsc;

import fr.vigie.hardware.card.CardScenarioContract;
import fr.vigie.hardware.sim.card.VirtualCardStation;

/**
 * The card scenario with the same virtual cards behind a real {@code pcscd} and
 * {@code vsmartcard-vpcd}, through the JDK's PC/SC provider. Starts and stops its own pcscd.
 */
class PcscdCardScenarioIT extends CardScenarioContract {
    @Override
    protected VirtualCardStation newStation() throws Exception {
        return PcscdStation.start();
    }
}
