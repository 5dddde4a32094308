package fr.vigie.hardware.card;

import fr.vigie.hardware.sim.card.VirtualCard;
import java.util.concurrent.atomic.AtomicInteger;

/** A card that is pulled out of its reader while it processes its N-th command. */
final class PulledOutCard implements VirtualCard {
    private final VirtualCard card;
    private final int pullAt;
    private final Runnable pull;
    private final AtomicInteger seen = new AtomicInteger();

    PulledOutCard(VirtualCard card, int pullAt, Runnable pull) {
        this.card = card;
        this.pullAt = pullAt;
        this.pull = pull;
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public byte[] process(byte[] command) {
        byte[] response = card.process(command);
        if (seen.incrementAndGet() == pullAt) {
            pull.run();
        }
        return response;
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public String describe() {
        return "pulled-out " + card.describe();
    }
}
