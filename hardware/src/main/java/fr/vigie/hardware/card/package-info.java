/**
 * Smart-card profiles and readers: {@link fr.vigie.hardware.card.CpsCard} (CPS3 contact and
 * contactless), {@link fr.vigie.hardware.card.VitaleCard}, the stable error codes of
 * {@link fr.vigie.hardware.card.CardError} with their "rejected" and "failed" exceptions, and the reader
 * monitor. Profiles speak to any {@link fr.vigie.hardware.card.apdu.ApduChannel}, so the same code serves a
 * real card behind pcscd and hardware-sim's virtual cards, behind pcscd or in its in-process reader.
 */
package fr.vigie.hardware.card;
