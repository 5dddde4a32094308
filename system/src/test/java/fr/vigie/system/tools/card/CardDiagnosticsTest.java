package fr.vigie.system.tools.card;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hardware.card.TestCards;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.system.bench.card.CardSignInBench;
import org.junit.jupiter.api.Test;

class CardDiagnosticsTest {
    private final VirtualReaders readers = new VirtualReaders("Reader A", "Reader B", "Reader C");
    private final CardDiagnostics diagnostics = new CardDiagnostics(readers);

    @Test
    void listsEveryReaderWithTheAtrOfItsCard() throws Exception {
        readers.insert("Reader A", TestCards.cps());

        assertThat(diagnostics.readers()).extracting(CardDiagnostics.ReaderInfo::toString)
                .containsExactly("Reader A: card 3B AC 00 40 2A 00 12 25 00 64 80 00 03 10 00 90 00",
                        "Reader B: empty", "Reader C: empty");
    }

    @Test
    void describesACpsWithoutPresentingThePin() throws Exception {
        readers.insert("Reader A", TestCards.cps());

        CardDiagnostics.CardDescription d = diagnostics.describe("Reader A");

        assertThat(d.kind()).contains("CPS3");
        assertThat(d.details()).containsEntry("idNat_PS", TestCards.ID_NAT_PS).containsEntry("PIN tries left", "3");
        assertThat(d.trace()).noneSatisfy(e -> assertThat(e.command()).startsWith("002000"));
    }

    @Test
    void describesAContactlessCpsAndAVitaleCardWithoutItsNir() throws Exception {
        readers.insert("Reader B", TestCards.cps().contactless());
        readers.insert("Reader C", TestCards.vitale());

        assertThat(diagnostics.describe("Reader B").details()).containsEntry("application", "CPX IAS CL (contactless)");
        CardDiagnostics.CardDescription vitale = diagnostics.describe("Reader C");
        assertThat(vitale.kind()).contains("Vitale");
        assertThat(vitale.details()).containsEntry("beneficiaries", "3");
        assertThat(vitale.toString()).doesNotContain("180032B02040123");
    }

    @Test
    void theSignInBenchCountsTheApdusOfAFullContactSequence() throws Exception {
        try (var station = fr.vigie.hardware.sim.card.VirtualCardStation.inProcess()) {
            CardSignInBench.Result r = CardSignInBench.run(station, 5);
            assertThat(r.runs()).isEqualTo(5);
            assertThat(r.apdusPerSignIn()).isEqualTo(10);
            assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p50Millis());
        }
    }
}
