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

    @Test
    void helpOnEverySubcommandPrintsItsUsageAndWatchDoesNotStartWatching() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ./vigie card list | info [READER] | watch");
        for (String command : List.of("list", "info", "watch")) {
            out.reset();
            // watch would block until Ctrl-C: returning at all shows it did not start
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("usage: ./vigie card " + command)
                    .doesNotContain("watching");
        }
        assertThat(run("watch", "-h")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutPcscdTheFailureSaysHowToStartOrInstallIt() throws Exception {
        fr.vigie.hardware.card.TerminalSource noService = new fr.vigie.hardware.card.TerminalSource() {
            @Override
            public javax.smartcardio.CardTerminals open() throws javax.smartcardio.CardException {
                throw new javax.smartcardio.CardException("PC/SC service unavailable (SCARD_E_NO_SERVICE)");
            }

            @Override
            public String describe() {
                return "pcsc-lite (test)";
            }
        };

        assertThat(CardCommand.run(List.of("list"), noService, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SCARD_E_NO_SERVICE").contains("hint: ")
                .contains("pcscd");
        assertThat(CardCommand.pcscdHint(false, false)).contains("sudo apt-get install pcscd");
        assertThat(CardCommand.pcscdHint(false, true)).contains("sudo systemctl start pcscd.socket").contains("sudo pcscd");
        assertThat(CardCommand.pcscdHint(true, true)).contains("restart");
    }
}
