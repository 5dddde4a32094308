/**
 * {@code ./vigie package}: the Debian packages {@code vigie-hub} and {@code vigie-kiosk}
 * ({@link fr.vigie.system.packaging.PackageCommand}). Each installs its application module's jar and run-time
 * dependencies (never a simulator, see {@link fr.vigie.system.packaging.DebianPackage#NEVER_INSTALLED}) with the
 * files kept in {@code packaging/deb/<package>/} (commands, settings, systemd units, maintainer scripts), and a
 * DEP-5 {@code copyright} file generated from the POM of every bundled jar
 * ({@link fr.vigie.system.packaging.LicenceNames} knows the licence names; an unknown one stops the build).
 */
package fr.vigie.system.packaging;
