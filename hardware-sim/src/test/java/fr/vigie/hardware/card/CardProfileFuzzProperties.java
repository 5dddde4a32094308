package fr.vigie.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hardware.card.apdu.ApduChannel;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import fr.vigie.hardware.sim.card.VirtualCard;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Feeds the CPS and Vitale profiles a real virtual card whose N-th response is damaged (truncated,
 * bytes flipped, status word replaced, data appended). Each run must end, quickly, either with the
 * normal result or with a {@link CardOperationException}: never another exception, never a hang.
 */
class CardProfileFuzzProperties {
    private static final VirtualCard CPS = TestCards.cps();

    enum Damage { TRUNCATE, FLIP, STATUS, APPEND, EMPTY }

    record Fault(int at, Damage damage, int position, int value) {
    }

    @Provide
    Arbitrary<Fault> faults() {
        return Combinators.combine(Arbitraries.integers().between(0, 14), Arbitraries.of(Damage.class),
                Arbitraries.integers().between(0, 2000), Arbitraries.integers().between(0, 0xFFFF)).as(Fault::new);
    }

    private static ApduChannel damaged(VirtualCard card, Fault fault) {
        AtomicInteger n = new AtomicInteger();
        return command -> {
            byte[] raw = card.process(command.toBytes());
            if (n.getAndIncrement() != fault.at()) {
                return ResponseApdu.parse(raw);
            }
            byte[] bad = switch (fault.damage()) {
                case TRUNCATE -> Arrays.copyOf(raw, fault.position() % raw.length);
                case FLIP -> {
                    byte[] c = raw.clone();
                    c[fault.position() % c.length] ^= (byte) (1 + fault.value() % 255);
                    yield c;
                }
                case STATUS -> {
                    byte[] c = raw.clone();
                    c[c.length - 2] = (byte) (fault.value() >> 8);
                    c[c.length - 1] = (byte) fault.value();
                    yield c;
                }
                case APPEND -> {
                    byte[] c = Arrays.copyOf(raw, raw.length + 1 + fault.position() % 300);
                    System.arraycopy(raw, raw.length - 2, c, c.length - 2, 2);
                    yield c;
                }
                case EMPTY -> new byte[0];
            };
            return ResponseApdu.parse(bad);
        };
    }

    @Property(tries = 400)
    void damagedCpsResponsesAreRejectedWithACodeOrHarmless(@ForAll("faults") Fault fault) {
        CPS.reset();
        long start = System.nanoTime();
        try {
            CpsCard cps = CpsCard.open(damaged(CPS, fault), null);
            cps.holder();
            cps.serial();
            cps.verifyPin("1234");
            cps.authenticate(new byte[32]);
        } catch (CardOperationException e) {
            assertThat(e.error()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Property(tries = 300)
    void damagedVitaleResponsesAreRejectedWithACodeOrHarmless(@ForAll("faults") Fault fault) {
        VirtualCard vitale = TestCards.vitale();
        try {
            VitaleCard.Content content = VitaleCard.open(damaged(vitale, fault), null).read();
            assertThat(content.beneficiaries()).isNotEmpty();
        } catch (CardOperationException e) {
            assertThat(e.error()).isNotNull();
        }
    }
}
