package fr.vigie.hardware.print;

/**
 * Stable codes of a print that did not go through, shared by the screens, the logs and the tests. Codes
 * never change meaning once published.
 */
public enum PrintError {
    /** Nothing answers at the printer's address (refused, unknown host, timed out). */
    PRINTER_UNREACHABLE,
    /** The print server answers but has no printer at that URI. */
    PRINTER_NOT_FOUND,
    /** The printer exists but is stopped or refuses new jobs: a job sent now would wait unseen. */
    PRINTER_STOPPED,
    /** The printer refused the job (IPP error status); the message carries the printer's words. */
    PRINTER_REFUSED,
    /** The answer was not IPP, or not the answer to this request. */
    PRINTER_BAD_ANSWER
}
