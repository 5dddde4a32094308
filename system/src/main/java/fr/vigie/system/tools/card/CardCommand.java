package fr.vigie.system.tools.card;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.ReaderMonitor;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.pcsc.PcscLibrary;
import fr.vigie.hardware.card.pcsc.PcscService;
import fr.vigie.hardware.card.pcsc.PcscTerminalSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./vigie card list | info [READER] | watch}: reader and card diagnostics for support staff,
 * through the machine's PC/SC service. Options: {@code --library PATH} to the libpcsclite.so.1 to
 * use; {@code --help} (or {@code -h}) prints the usage of the command it follows and does nothing else.
 * When the PC/SC service does not answer, says how to start or install {@code pcscd}. Exit codes: 0 done,
 * 1 the PC/SC service or the card failed, 2 bad usage.
 */
public final class CardCommand {
    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("list", "./vigie card list                 every card reader, and the card in it (ATR)");
        COMMANDS.put("info", "./vigie card info [READER]        what the card in READER (else in every reader) is: type, holder,"
                + "\n                                  certificate, PIN tries left (never asks for the PIN, never shows a NIR)");
        COMMANDS.put("watch", "./vigie card watch                readers and cards coming and going, until Ctrl-C");
    }

    static final String USAGE = usage(null);

    private CardCommand() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = List.of(args);
        if (all.contains("--help") || all.contains("-h")) {
            System.out.println(usage(all.isEmpty() ? null : all.get(0)));
            System.exit(0);
            return;
        }
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
            System.err.println(PcscService.hint());
            System.exit(1);
            return;
        }
        System.exit(run(rest, source, System.out, System.err));
    }

    /** Runs one command against {@code source}; returns the exit code. */
    static int run(List<String> rest, TerminalSource source, PrintStream out, PrintStream err)
            throws InterruptedException {
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(usage(rest.get(0)));
            return 0;
        }
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
            if (e.error() == CardError.CARD_READER_UNAVAILABLE
                    && (e.getMessage().contains("SCARD_E_NO_SERVICE") || !PcscService.socketPresent())) {
                err.println(PcscService.hint());
            }
            return 1;
        }
    }

    /** The usage of {@code command}, or of every command when it is none of them. */
    static String usage(String command) {
        StringBuilder b = new StringBuilder("usage: ");
        if (COMMANDS.containsKey(command)) {
            b.append(COMMANDS.get(command));
        } else {
            b.append("./vigie card list | info [READER] | watch   [--library PATH]");
            COMMANDS.values().forEach(line -> b.append("\n  ").append(line));
        }
        return b.append("\n  --library PATH                    the libpcsclite.so.1 to use (default: the system's)").toString();
    }

    /** What to do when the PC/SC service does not answer ({@link PcscService#hint(boolean, boolean)}). */
    static String pcscdHint(boolean socketPresent, boolean installed) {
        return PcscService.hint(socketPresent, installed);
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
