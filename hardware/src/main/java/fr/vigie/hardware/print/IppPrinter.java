package fr.vigie.hardware.print;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A printer reached over IPP (RFC 8011), such as a CUPS queue ({@code ipp://print-server:631/printers/etiquettes})
 * or a network printer's own IPP service: {@link #print} asks the printer's state first (a stopped printer
 * would keep the job unseen), then sends the document with Print-Job. {@code ipp} is HTTP and {@code ipps}
 * HTTPS (the print server's certificate must be trusted by the JVM), port 631 unless the URI says another.
 * Thread-safe; immutable.
 *
 * <pre>{@code
 * IppPrinter printer = IppPrinter.at(IppPrinter.parseUri("ipp://localhost:631/printers/etiquettes"), "accueil-2");
 * PrintJob job = printer.print("etiquette-ins", InsLabel.of(dm).toPdf(), "application/pdf");
 * }</pre>
 */
public final class IppPrinter {
    /** Printers are on the site's network: an address that does not answer in this time is down. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final int DEFAULT_PORT = 631;
    /** printer-state stopped (RFC 8011 §5.4.11). */
    private static final int STOPPED = 5;
    private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

    private final URI uri;
    private final URI http;
    private final String user;
    private final HttpClient client;

    private IppPrinter(URI uri, String user) {
        this.uri = uri;
        this.user = user;
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        try {
            this.http = new URI(uri.getScheme().equals("ipps") ? "https" : "http", null, uri.getHost(), port,
                    uri.getRawPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("printer URI " + uri + " has no HTTP form", e);
        }
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The printer at {@code uri}, printing as {@code user} ({@code requesting-user-name}: the print server's
     * log and job list show it).
     *
     * @throws IllegalArgumentException when the URI is not one {@link #parseUri} accepts
     */
    public static IppPrinter at(URI uri, String user) {
        Objects.requireNonNull(uri, "uri");
        parseUri(uri.toString());
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a requesting user name is required");
        }
        return new IppPrinter(uri, user);
    }

    /**
     * A printer URI as written in a setting: {@code ipp://host[:port]/path} or {@code ipps://…}, with a host and a
     * path (a CUPS queue is {@code /printers/<name>}), without user information, query or fragment.
     *
     * @throws IllegalArgumentException saying what is wrong, for a setting's error message
     */
    public static URI parseUri(String text) {
        URI u;
        try {
            u = new URI(Objects.requireNonNull(text, "text").strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URI: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ipp") && !scheme.equals("ipps")) {
            throw new IllegalArgumentException("must be an ipp:// or ipps:// printer URI, such as"
                    + " ipp://localhost:631/printers/etiquettes");
        }
        if (u.getHost() == null || u.getRawPath() == null || u.getRawPath().length() < 2) {
            throw new IllegalArgumentException("must name a host and the printer's path, such as"
                    + " ipp://localhost:631/printers/etiquettes");
        }
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("must not carry a user, a query or a fragment");
        }
        return u;
    }

    public URI uri() {
        return uri;
    }

    /**
     * Prints {@code document}: checks that the printer is there and takes jobs, then sends it.
     *
     * @param jobName what the print server's job list shows: never a patient's name or number
     * @param document the document's bytes
     * @param format its MIME type, e.g. {@code application/pdf}
     * @return the job the printer accepted
     * @throws PrintException with the reason when the printer cannot be reached, does not exist, is stopped,
     *     refuses the job or answers something else than IPP
     */
    public PrintJob print(String jobName, byte[] document, String format) throws PrintException {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(format, "format");
        requireTakingJobs();
        IppResponse job = exchange(new IppRequest(IppRequest.PRINT_JOB, REQUEST_IDS.incrementAndGet(), "en")
                .attribute(IppRequest.URI, "printer-uri", uri.toString())
                .attribute(IppRequest.NAME, "requesting-user-name", user)
                .attribute(IppRequest.NAME, "job-name", jobName)
                .attribute(IppRequest.MIME_MEDIA_TYPE, "document-format", format), document);
        refuseUnsuccessful(job);
        int id = job.integer(IppRequest.JOB_GROUP, "job-id").orElseThrow(() -> new PrintException(
                PrintError.PRINTER_BAD_ANSWER, "the printer accepted the job without giving its job-id"));
        return new PrintJob(id, uri);
    }

    /** Get-Printer-Attributes: the printer exists, is not stopped and accepts jobs. */
    private void requireTakingJobs() throws PrintException {
        IppResponse state = exchange(new IppRequest(IppRequest.GET_PRINTER_ATTRIBUTES, REQUEST_IDS.incrementAndGet(),
                "en").attribute(IppRequest.URI, "printer-uri", uri.toString())
                .attribute(IppRequest.NAME, "requesting-user-name", user)
                .attribute(IppRequest.KEYWORD, "requested-attributes", "printer-state", "printer-state-message",
                        "printer-state-reasons", "printer-is-accepting-jobs"), new byte[0]);
        refuseUnsuccessful(state);
        boolean stopped = state.integer(IppRequest.PRINTER_GROUP, "printer-state").orElse(0) == STOPPED;
        boolean accepting = state.bool(IppRequest.PRINTER_GROUP, "printer-is-accepting-jobs").orElse(true);
        if (stopped || !accepting) {
            String said = state.text(IppRequest.PRINTER_GROUP, "printer-state-message").filter(m -> !m.isBlank())
                    .orElse(String.join(", ", state.texts(IppRequest.PRINTER_GROUP, "printer-state-reasons")));
            throw new PrintException(PrintError.PRINTER_STOPPED, "printer " + uri + " is "
                    + (stopped ? "stopped" : "not accepting jobs") + (said.isBlank() ? "" : " (" + said + ")"));
        }
    }

    private void refuseUnsuccessful(IppResponse r) throws PrintException {
        if (r.successful()) {
            return;
        }
        String said = r.text(IppRequest.OPERATION_GROUP, "status-message").map(m -> ": " + m).orElse("");
        PrintError error = switch (r.status()) {
            case 0x0406, 0x0407 -> PrintError.PRINTER_NOT_FOUND;
            case 0x0506 -> PrintError.PRINTER_STOPPED;
            default -> PrintError.PRINTER_REFUSED;
        };
        throw new PrintException(error, "printer " + uri + " answered " + r.statusName() + said);
    }

    private IppResponse exchange(IppRequest request, byte[] document) throws PrintException {
        byte[] body = request.end(document);
        HttpRequest post = HttpRequest.newBuilder(http).timeout(ANSWER_TIMEOUT).header("Content-Type", "application/ipp")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new PrintException(PrintError.PRINTER_UNREACHABLE, "printer " + uri + " did not answer in time", e);
        } catch (ConnectException | UnresolvedAddressException e) {
            boolean unknownHost = e instanceof UnresolvedAddressException || e.getCause() instanceof UnresolvedAddressException;
            throw new PrintException(PrintError.PRINTER_UNREACHABLE, "nothing answers at " + uri + ": "
                    + (unknownHost ? "unknown host " + uri.getHost() : "connection refused"), e);
        } catch (IOException e) {
            throw new PrintException(PrintError.PRINTER_UNREACHABLE, "printer " + uri + " could not be reached: "
                    + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrintException(PrintError.PRINTER_UNREACHABLE, "interrupted while printing to " + uri, e);
        }
        if (answer.statusCode() == 404) {
            throw new PrintException(PrintError.PRINTER_NOT_FOUND, "no printer at " + uri + " (HTTP 404)");
        }
        if (answer.statusCode() != 200) {
            throw new PrintException(PrintError.PRINTER_REFUSED, "printer " + uri + " answered HTTP "
                    + answer.statusCode());
        }
        IppResponse r = IppResponse.parse(answer.body());
        if (r.requestId() != request.requestId()) {
            throw new PrintException(PrintError.PRINTER_BAD_ANSWER, "printer " + uri + " answered request "
                    + r.requestId() + " instead of " + request.requestId());
        }
        return r;
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public String toString() {
        return "IppPrinter[" + uri + "]";
    }
}
