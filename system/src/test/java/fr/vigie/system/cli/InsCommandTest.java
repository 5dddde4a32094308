package fr.vigie.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private int run(String... args) {
        return InsCommand.run(List.of(args), clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCorsicanMatriculeWithTheRightKeyIsValidAndPrintedMasked() {
        assertThat(run("check", "297022A020778")).as("13 characters are not a matricule").isEqualTo(1);
        out.reset();

        assertThat(run("check", "297022A02077878")).isZero();

        assertThat(printed()).startsWith("valid INS matricule").doesNotContain("297022A020778").contains("2A");
    }

    @Test
    void spacesRemovedBeforeCheckingAreToldWithoutShowingTheNumber() {
        assertThat(run("check", " 2 97 02 2A 020 778 78\u00A0")).isZero();

        assertThat(printed()).contains("note: spaces were removed before checking (2 around the number,"
                + " 6 between its groups)").doesNotContain("020 778");
        out.reset();

        assertThat(run("check", "297022A02077878")).isZero();
        assertThat(printed()).doesNotContain("spaces were removed");
        out.reset();

        assertThat(run("check", "2970 22A02077877")).isEqualTo(1);
        assertThat(printed()).contains("MATRICULE_CHARACTERS").contains("(1 between its groups)");
    }

    @Test
    void aKeyMismatchIsReportedAsSuchAndNeverFixed() {
        assertThat(run("check", "297022A02077877")).isEqualTo(1);

        assertThat(printed()).contains("KEY_MISMATCH").doesNotContain("297022A020778");
    }

    @Test
    void cndaStyleNamesAreValidAndLowercaseAccentsAreNormalised() {
        assertThat(run("traits", "--nom", "d'Artagnan de l'Hérault", "--prenoms", "Pierre-Alain Jean", "--sexe", "M",
                "--naissance", "1980-02-29", "--lieu", "75056")).isZero();

        assertThat(printed()).contains("D'ARTAGNAN DE L'HERAULT").contains("PIERRE-ALAIN JEAN").contains("valid traits");
    }

    @Test
    void aLigatureIsRejectedWithItsReason() {
        assertThat(run("traits", "--nom", "CŒUR", "--prenoms", "ANNE", "--sexe", "F", "--naissance", "1990-01-01"))
                .isEqualTo(1);

        assertThat(printed()).contains("TRAIT_LIGATURE").contains("rejected traits");
    }

    @Test
    void unknownOptionsPrintTheUsage() {
        assertThat(run("traits", "--surname", "X")).isEqualTo(2);
        assertThat(run("validate")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./vigie ins check MATRICULE");
    }

    @Test
    void aMatriculeTypedInGroupsWithoutQuotesIsReadAsOneNumberAndSaidSo() {
        assertThat(run("check", "2", "97", "02", "2A", "020", "778", "78")).isZero();

        assertThat(printed()).contains("note: the 7 words after 'check' were read as one matricule")
                .contains("valid INS matricule 2************78").doesNotContain("020 778");
        out.reset();

        assertThat(run("check", "2", "97", "02", "2A", "020", "778", "77")).isEqualTo(1);
        assertThat(printed()).contains("KEY_MISMATCH");
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsZero() {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("check", "--help"),
                List.of("traits", "--help"))) {
            out.reset();
            assertThat(InsCommand.run(args, clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))).as(args.toString()).isZero();
            assertThat(printed()).as(args.toString()).startsWith("usage: ./vigie ins check MATRICULE");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
