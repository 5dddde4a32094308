/**
 * The whole Vigie system on one machine: the demo launcher ({@link fr.vigie.system.Demo}) that
 * runs a hub and virtual kiosks as separate processes, and the helpers to start those processes
 * ({@link fr.vigie.system.ChildProcess}, {@link fr.vigie.system.VigieHome}) that end-to-end tests
 * share.
 */
package fr.vigie.system;
