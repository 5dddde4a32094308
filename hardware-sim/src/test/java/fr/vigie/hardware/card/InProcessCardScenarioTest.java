package fr.vigie.hardware.card;

import fr.vigie.hardware.sim.card.VirtualCardStation;

/** The card scenario with virtual cards in the in-process {@code javax.smartcardio} reader. */
class InProcessCardScenarioTest extends CardScenarioContract {
    @Override
    protected VirtualCardStation newStation() {
        return VirtualCardStation.inProcess();
    }
}
