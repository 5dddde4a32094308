/**
 * The kiosk screens of e-CPS sign-in and of Pro Santé Connect: identifier entry (typed on the
 * keypad or chosen among the identifiers recently used here; a number that is no idNat_PS, e.g. an
 * RPPS number of the wrong length or failing its Luhn key, is refused on the keypad screen in words
 * and never sent), confirmation, "validate on your
 * phone — code 42", and the refusals in words (refused on the phone, expired, unknown identifier,
 * hub unreachable, tokens of another professional), plus the choice of exercice when PSC returns
 * several. {@link fr.vigie.kiosk.ecps.EcpsScreens} registers them on the kiosk's
 * {@link fr.vigie.kiosk.ui.KioskUi} in slot {@code ecps} (priority 55, above the session screens)
 * and the actions {@code ecps/*}; the session screens offer e-CPS with a button to
 * {@code ecps/open}. Texts in {@code i18n/ecps_fr.properties} and {@code _en.properties}.
 */
package fr.vigie.kiosk.ecps;
