package fr.vigie.system.tools.card;

import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.ReaderMonitor;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.pcsc.PcscLibrary;
import fr.vigie.hardware.card.pcsc.PcscTerminalSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./vigie card list | info [READER] | watch}: reader and card diagnostics for support staff,
 * through the machine's PC/SC service. Options: {@code --library PATH} to the libpcsclite.so.1 to
 * use. Exit codes: 0 done, 1 the PC/SC service or the card failed, 2 bad usage.
 */
public final class CardCommand {
    private static final String USAGE = "usage: ./vigie card list | info [READER] | watch   [--library PATH]";

    private CardCommand() {
    }

    public static void main(String[] args) throws Exception {
        String library = null;
        List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--library") && i + 1 < args.length) {
                library = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        PcscTerminalSource source;
        try {
            source = library != null ? PcscTerminalSource.withLibrary(Path.of(library)) : PcscTerminalSource.system();
        } catch (IllegalStateException e) {
            System.err.println("card: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(run(rest, source, System.out, System.err));
    }

    /** Runs one command against {@code source}; returns the exit code. */
    static int run(List<String> rest, TerminalSource source, PrintStream out, PrintStream err)
            throws InterruptedException {
        if (rest.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        CardDiagnostics diagnostics = new CardDiagnostics(source);
        try {
            switch (rest.get(0)) {
                case "list" -> {
                    List<CardDiagnostics.ReaderInfo> readers = diagnostics.readers();
                    if (readers.isEmpty()) {
                        out.println("no card reader found (PC/SC service " + source.describe() + ")");
                    }
                    readers.forEach(out::println);
                }
                case "info" -> {
                    List<String> names = rest.size() > 1 ? rest.subList(1, rest.size())
                            : diagnostics.readers().stream().filter(CardDiagnostics.ReaderInfo::cardPresent)
                                    .map(CardDiagnostics.ReaderInfo::name).toList();
                    if (names.isEmpty()) {
                        out.println("no card in any reader");
                    }
                    for (String reader : names) {
                        out.print(diagnostics.describe(reader));
                    }
                }
                case "watch" -> watch(source, out);
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (CardOperationException e) {
            err.println("card: " + e.getMessage());
            return 1;
        }
    }

    private static void watch(TerminalSource source, PrintStream out) throws InterruptedException {
        out.println("watching card readers through " + source.describe() + " (library "
                + System.getProperty(PcscLibrary.PROPERTY, "default") + "); Ctrl-C to stop");
        CountDownLatch stop = new CountDownLatch(1);
        try (ReaderMonitor monitor = new ReaderMonitor(source, out::println, Clock.systemDefaultZone(),
                Duration.ofMillis(500))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "card-watch-stop"));
            monitor.start();
            stop.await();
        }
    }
}
