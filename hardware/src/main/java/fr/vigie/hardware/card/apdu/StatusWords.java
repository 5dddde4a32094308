package fr.vigie.hardware.card.apdu;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;

/**
 * ISO 7816-4 status words used by Vigie and their mapping to {@link CardError} codes.
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class StatusWords {
    public static final int SUCCESS = 0x9000;
    public static final int END_OF_FILE_WARNING = 0x6282;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int SECURITY_NOT_SATISFIED = 0x6982;
    public static final int AUTH_METHOD_BLOCKED = 0x6983;
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int WRONG_DATA = 0x6A80;
    public static final int FUNCTION_NOT_SUPPORTED = 0x6A81;
    public static final int FILE_NOT_FOUND = 0x6A82;
    public static final int RECORD_NOT_FOUND = 0x6A83;
    public static final int INCORRECT_P1P2 = 0x6A86;
    public static final int REFERENCED_DATA_NOT_FOUND = 0x6A88;
    public static final int WRONG_P1P2_OFFSET = 0x6B00;
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    public static final int NO_PRECISE_DIAGNOSIS = 0x6F00;

    private StatusWords() {
    }

    /** @return the PIN tries left if {@code sw} is {@code 63Cx}, else -1 */
    public static int triesLeft(int sw) {
        return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : -1;
    }

    /**
     * Maps a non-success status word to a rejection naming the step that got it.
     *
     * @param step what was being done, e.g. "SELECT CPX IAS"; shown to support staff
     */
    public static CardRejectedException toRejection(int sw, String step) {
        int tries = triesLeft(sw);
        if (tries > 0) {
            return CardRejectedException.wrongPin(tries);
        }
        String at = String.format("%s answered %04X", step, sw);
        CardError error = switch (sw) {
            case 0x63C0, AUTH_METHOD_BLOCKED -> CardError.CARD_PIN_BLOCKED;
            case SECURITY_NOT_SATISFIED -> CardError.CARD_SECURITY_NOT_SATISFIED;
            case CONDITIONS_NOT_SATISFIED -> CardError.CARD_CONDITIONS_NOT_SATISFIED;
            case FILE_NOT_FOUND, RECORD_NOT_FOUND, REFERENCED_DATA_NOT_FOUND -> CardError.CARD_FILE_NOT_FOUND;
            case FUNCTION_NOT_SUPPORTED, INS_NOT_SUPPORTED, CLA_NOT_SUPPORTED, INCORRECT_P1P2 ->
                    CardError.CARD_INSTRUCTION_NOT_SUPPORTED;
            default -> CardError.CARD_UNEXPECTED_STATUS;
        };
        return new CardRejectedException(error, at + " (" + describe(sw) + ")");
    }

    /** @return a short English description of a status word, for diagnostics */
    public static String describe(int sw) {
        if ((sw & 0xFF00) == 0x6100) {
            return (sw & 0xFF) + " more bytes available";
        }
        if ((sw & 0xFF00) == 0x6C00) {
            return "wrong Le, exact length " + (sw & 0xFF);
        }
        if ((sw & 0xFFF0) == 0x63C0) {
            return "verification failed, " + (sw & 0xF) + " tries left";
        }
        return switch (sw) {
            case SUCCESS -> "success";
            case END_OF_FILE_WARNING -> "end of file reached before Le bytes";
            case WRONG_LENGTH -> "wrong length";
            case SECURITY_NOT_SATISFIED -> "security status not satisfied";
            case AUTH_METHOD_BLOCKED -> "authentication method blocked";
            case CONDITIONS_NOT_SATISFIED -> "conditions of use not satisfied";
            case WRONG_DATA -> "incorrect data";
            case FUNCTION_NOT_SUPPORTED -> "function not supported";
            case FILE_NOT_FOUND -> "file or application not found";
            case RECORD_NOT_FOUND -> "record not found";
            case INCORRECT_P1P2 -> "incorrect P1-P2";
            case REFERENCED_DATA_NOT_FOUND -> "referenced data not found";
            case WRONG_P1P2_OFFSET -> "wrong parameters (offset outside the file)";
            case INS_NOT_SUPPORTED -> "instruction not supported";
            case CLA_NOT_SUPPORTED -> "class not supported";
            case NO_PRECISE_DIAGNOSIS -> "no precise diagnosis";
            default -> "unknown status";
        };
    }
}
