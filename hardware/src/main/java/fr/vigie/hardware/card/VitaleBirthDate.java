package fr.vigie.hardware.card;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A birth date as a Vitale card stores it: eight ASCII digits {@code YYYYMMDD}, where the month or
 * the day may be {@code 00} or out of calendar range ("dates lunaires": civil status incomplete at
 * registration). Kept as read; {@link #toLocalDate()} is empty for such dates. Immutable.
 */
public record VitaleBirthDate(int year, int month, int day) {
    public VitaleBirthDate {
        if (year < 1800 || year > 2999 || month < 0 || month > 99 || day < 0 || day > 99) {
            throw new IllegalArgumentException("birth date out of range: " + year + "/" + month + "/" + day);
        }
    }

    /** @return the date parsed from 8 ASCII digits, or a rejection saying what is wrong */
    public static VitaleBirthDate parse(String digits) throws CardRejectedException {
        if (digits.length() != 8 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                    "birth date is not 8 digits YYYYMMDD: " + digits.length() + " chars");
        }
        int year = Integer.parseInt(digits.substring(0, 4));
        if (year < 1800 || year > 2999) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, "birth year " + year + " out of 1800-2999");
        }
        return new VitaleBirthDate(year, Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6)));
    }

    /** @return the calendar date, or empty for a partial ("lunar") date */
    public Optional<LocalDate> toLocalDate() {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return whether the month or the day is not a calendar value */
    public boolean isLunar() {
        return toLocalDate().isEmpty();
    }

    /** @return {@code YYYYMMDD}, as stored on the card */
    @Override
    public String toString() {
        return String.format("%04d%02d%02d", year, month, day);
    }
}
