package fr.vigie.protocol.identity;

/**
 * Stable codes for identity data that Vigie rejects. The UI, the audit log and the tests speak of
 * rejections by these names; the accompanying message says what to correct.
 */
public enum IdentityError {
    /** The matricule does not have 15 characters once spaces between groups are removed. */
    MATRICULE_LENGTH,
    /** The matricule holds a character other than a digit (or 2A/2B as department), or a misplaced space. */
    MATRICULE_CHARACTERS,
    /** The first character, the sex, is not 1 or 2. */
    MATRICULE_SEX,
    /** The month group is neither a calendar month nor an accepted pseudo-month. */
    MATRICULE_MONTH,
    /** The department group is 00, or uses letters other than 2A/2B. */
    MATRICULE_DEPARTMENT,
    /** The 2-digit key does not match the 13 first characters; never corrected automatically. */
    KEY_MISMATCH,
    /** The OID is not one of the four INS OIDs. */
    OID_UNKNOWN,
    /** A required trait is absent or blank. */
    TRAIT_EMPTY,
    /** A trait holds a digit, a symbol, or a letter with no plain A-Z form. */
    TRAIT_FORBIDDEN_CHARACTER,
    /** A trait holds a ligature such as Æ or Œ, which is rejected and never expanded. */
    TRAIT_LIGATURE,
    /** A space, apostrophe or hyphen is not between two letters, or hyphens are doubled where not allowed. */
    TRAIT_BAD_SEPARATOR,
    /** A trait is longer than its limit once normalised. */
    TRAIT_TOO_LONG,
    /** The sex is not F or M. */
    TRAIT_BAD_SEX,
    /** The birth date is not a valid, possibly partial, date in the past. */
    TRAIT_BAD_DATE,
    /** The birth place is not an INSEE commune or country code (5 characters, département, 2A/2B, 97x/98x, 99xxx). */
    TRAIT_BAD_BIRTHPLACE,
    /** The idNat_PS does not start with a known identifier type. */
    IDNAT_TYPE,
    /** The idNat_PS does not have the shape its type requires. */
    IDNAT_FORMAT,
    /** The RPPS number inside an idNat_PS fails its Luhn check digit. */
    RPPS_KEY_MISMATCH
}
