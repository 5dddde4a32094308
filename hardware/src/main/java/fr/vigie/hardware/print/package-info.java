/**
 * Patient labels printed at the admission desk: {@link fr.vigie.hardware.print.InsLabel} draws a qualified
 * identity's label (the INS DataMatrix and the traits the INS referential asks to show in clear) as a PDF with
 * PDFBox, and {@link fr.vigie.hardware.print.IppPrinter} sends it over IPP (RFC 8010/8011, encoded here) to a
 * CUPS queue or a network printer's own IPP service, after checking that the printer exists and takes jobs.
 * A print that does not go through is a {@link fr.vigie.hardware.print.PrintException} with a stable
 * {@link fr.vigie.hardware.print.PrintError} code. Nothing here logs or names a patient in a job.
 */
package fr.vigie.hardware.print;
