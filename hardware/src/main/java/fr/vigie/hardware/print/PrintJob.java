package fr.vigie.hardware.print;

import java.net.URI;
import java.util.Objects;

/**
 * A job the printer accepted. Immutable.
 *
 * @param id the job id the printer gave ({@code job-id})
 * @param printer the printer's URI
 */
public record PrintJob(int id, URI printer) {
    public PrintJob {
        Objects.requireNonNull(printer, "printer");
    }
}
