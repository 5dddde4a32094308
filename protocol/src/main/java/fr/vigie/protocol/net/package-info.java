/**
 * What both applications need to start on a machine's network: {@link fr.vigie.protocol.net.BusyPort} tells,
 * in one line naming the port and the setting to change, that a port they must listen on is taken. It is
 * here only because {@code protocol} is the one module the kiosk and the hub share; nothing in it touches
 * the wire.
 */
package fr.vigie.protocol.net;
