/**
 * The ISO 7816-4 layer: command and response APDUs, a strict BER-TLV parser, status words mapped
 * to {@link fr.vigie.hardware.card.CardError} codes, exchange rules ({@code 61xx}, {@code 6Cxx},
 * chunked READ BINARY) and an APDU trace that never holds a PIN.
 */
package fr.vigie.hardware.card.apdu;
