package fr.vigie.protocol.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP port an application must listen on that another program already holds, told in one line that names
 * the port and the setting to change, instead of a library's stack trace (or, for some servers, a log line
 * and a start that goes on without its listener). Mains call {@link #check} with their listeners before
 * starting anything, and {@link #explain} on a start failure (the port may be taken in between). Stateless.
 *
 * <pre>{@code
 * List<BusyPort.Listener> ports = List.of(new BusyPort.Listener("127.0.0.1", 8080, "hub.http.port (--http-port)"));
 * Optional<String> busy = BusyPort.check(ports);   // "port 8080 on 127.0.0.1 is already in use …"
 * }</pre>
 */
public final class BusyPort {
    private static final Pattern PORT = Pattern.compile("(?:port |:)(\\d{1,5})\\b");

    /**
     * A port an application listens on.
     *
     * @param host the address it binds ({@code 0.0.0.0} for every one)
     * @param port the port; 0 (any free port) is never busy
     * @param setting what a person changes to move it, e.g. {@code hub.http.port (--http-port)}
     */
    public record Listener(String host, int port, String setting) {
        public Listener {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(setting, "setting");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
        }
    }

    private BusyPort() {
    }

    /**
     * The first of {@code listeners} whose port another program holds, as one line; empty when all are
     * free. Tries to bind each port (with {@code SO_REUSEADDR}, as servers do, so a port in TIME_WAIT
     * counts as free) and lets it go at once. An address this machine does not have is left for the
     * server's own start to report.
     */
    public static Optional<String> check(List<Listener> listeners) {
        for (Listener l : listeners) {
            if (l.port() == 0) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(l.host(), l.port()));
            } catch (BindException e) {
                if (inUse(e)) {
                    return Optional.of(line(l));
                }
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                // not a port in use: the server's start says what it is
            }
        }
        return Optional.empty();
    }

    /**
     * One line for a start that failed because a port was in use: the failure's chain holds a
     * {@link BindException} or a message saying a port is in use. Names the setting of the listener whose
     * port the messages mention, or lists them all. Empty for any other failure.
     */
    public static Optional<String> explain(Throwable failure, List<Listener> listeners) {
        boolean bind = false;
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            bind |= t instanceof BindException || inUse(t);
            messages.append(' ').append(t.getMessage());
        }
        if (!bind) {
            return Optional.empty();
        }
        Matcher m = PORT.matcher(messages);
        while (m.find()) {
            int port = Integer.parseInt(m.group(1));
            for (Listener l : listeners) {
                if (l.port() == port) {
                    return Optional.of(line(l));
                }
            }
        }
        StringBuilder settings = new StringBuilder();
        listeners.stream().filter(l -> l.port() != 0)
                .forEach(l -> settings.append(settings.length() == 0 ? "" : ", ").append(l.setting()).append(' ').append(l.port()));
        return Optional.of("a port is already in use by another program" + (settings.length() == 0 ? ""
                : ": free it or change one of " + settings));
    }

    private static boolean inUse(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("already in use");
    }

    private static String line(Listener l) {
        return "port " + l.port() + " on " + l.host() + " is already in use by another program: stop that program or"
                + " change " + l.setting();
    }
}
