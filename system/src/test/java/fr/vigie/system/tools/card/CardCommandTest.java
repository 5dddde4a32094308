package fr.vigie.system.tools.card;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hardware.card.TestCards;
import fr.vigie.hardware.sim.card.VirtualReaders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardCommandTest {
    private final VirtualReaders readers = new VirtualReaders("Reader A", "Reader B");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return CardCommand.run(List.of(args), readers, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void listPrintsEveryReaderAndWhetherACardIsIn() throws Exception {
        readers.insert("Reader B", TestCards.cps());

        assertThat(run("list")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Reader A: empty")
                .contains("Reader B: card 3B AC 00 40");
    }

    @Test
    void infoDescribesEveryInsertedCardWithoutAskingForThePin() throws Exception {
        readers.insert("Reader A", TestCards.cps());

        assertThat(run("info")).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Reader A").contains("CPS3").contains(TestCards.ID_NAT_PS).contains("PIN tries left: 3");
    }

    @Test
    void infoOnAReaderWithoutACardFailsWithTheReason() throws Exception {
        assertThat(run("info", "Reader A")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("card: ");
    }

    @Test
    void anUnknownCommandPrintsTheUsage() throws Exception {
        assertThat(run("format-everything")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./vigie card list | info");
    }
}
