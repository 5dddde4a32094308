/** Support commands of {@code ./vigie} that run the same code paths as the kiosk and the hub. */
package fr.vigie.system.cli;
