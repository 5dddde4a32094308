package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.apdu.CommandApdu;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import fr.vigie.hardware.card.apdu.StatusWords;
import java.util.Arrays;
import java.util.Optional;

/**
 * SELECT and READ BINARY over a tree of {@link CardFile}s, with the current DF and EF of ISO
 * 7816-4. Not thread-safe: the owning card serialises access.
 */
final class FileSystem {
    private final CardFile mf;
    private CardFile currentDf;
    private CardFile currentEf;

    FileSystem(CardFile mf) {
        this.mf = mf;
        reset();
    }

    void reset() {
        currentDf = mf;
        currentEf = null;
    }

    CardFile currentDf() {
        return currentDf;
    }

    ResponseApdu select(CommandApdu c) {
        byte[] d = c.data();
        Optional<CardFile> target = switch (c.p1()) {
            case 0x00 -> d.length == 0 || (d.length == 2 && fid(d, 0) == 0x3F00)
                    ? Optional.of(mf) : d.length == 2 ? byFid(fid(d, 0)) : Optional.empty();
            case 0x01 -> d.length == 2 ? currentDf.child(fid(d, 0)).filter(f -> f.dedicated) : Optional.empty();
            case 0x02 -> d.length == 2 ? currentDf.child(fid(d, 0)).filter(f -> !f.dedicated) : Optional.empty();
            case 0x03 -> currentDf.parent == null ? Optional.of(mf) : Optional.of(currentDf.parent);
            case 0x04 -> d.length == 0 ? Optional.empty() : mf.findByAid(d);
            case 0x08 -> path(mf, d);
            case 0x09 -> path(currentDf, d);
            default -> null;
        };
        if (target == null) {
            return ResponseApdu.status(StatusWords.INCORRECT_P1P2);
        }
        if (target.isEmpty()) {
            return ResponseApdu.status(StatusWords.FILE_NOT_FOUND);
        }
        CardFile f = target.get();
        if (f.dedicated) {
            currentDf = f;
            currentEf = null;
        } else {
            currentDf = f.parent;
            currentEf = f;
        }
        int p2 = c.p2() & 0x0C;
        if (p2 == 0x0C) {
            return ResponseApdu.status(StatusWords.SUCCESS);
        }
        byte[] fcp = f.fcp();
        if (p2 == 0x00) { // FCI: FCP wrapped as 6F
            fcp[0] = 0x6F;
        }
        return new ResponseApdu(fcp, StatusWords.SUCCESS);
    }

    /** Selection by FID: a child of the current DF, the current DF's parent, or the parent's children. */
    private Optional<CardFile> byFid(int fid) {
        Optional<CardFile> child = currentDf.child(fid);
        if (child.isPresent()) {
            return child;
        }
        if (currentDf.parent != null) {
            if (currentDf.parent.fid == fid) {
                return Optional.of(currentDf.parent);
            }
            return currentDf.parent.child(fid);
        }
        return Optional.empty();
    }

    private Optional<CardFile> path(CardFile from, byte[] p) {
        if (p.length == 0 || p.length % 2 != 0) {
            return Optional.empty();
        }
        CardFile at = from;
        int start = 0;
        if (fid(p, 0) == 0x3F00) { // tolerated: a path that repeats the MF
            at = mf;
            start = 2;
        }
        for (int i = start; i < p.length; i += 2) {
            if (!at.dedicated) {
                return Optional.empty();
            }
            Optional<CardFile> next = at.child(fid(p, i));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    ResponseApdu readBinary(CommandApdu c) {
        if ((c.p1() & 0x80) != 0) { // short EF identifier: current DF first, then the MF
            int sfi = c.p1() & 0x1F;
            Optional<CardFile> ef = currentDf.childBySfi(sfi).or(() -> mf.childBySfi(sfi));
            if (ef.isEmpty()) {
                return ResponseApdu.status(StatusWords.FILE_NOT_FOUND);
            }
            currentEf = ef.get();
            return read(currentEf.content(), c.p2(), c.ne());
        }
        if (currentEf == null) {
            return ResponseApdu.status(StatusWords.CONDITIONS_NOT_SATISFIED); // no current EF
        }
        return read(currentEf.content(), (c.p1() << 8) | c.p2(), c.ne());
    }

    private static ResponseApdu read(byte[] content, int offset, int ne) {
        if (offset > content.length || (offset == content.length && content.length > 0)) {
            return ResponseApdu.status(StatusWords.WRONG_P1P2_OFFSET);
        }
        int want = ne == 0 ? 256 : ne;
        int end = Math.min(content.length, offset + want);
        byte[] data = Arrays.copyOfRange(content, offset, end);
        return new ResponseApdu(data, end - offset < want ? StatusWords.END_OF_FILE_WARNING : StatusWords.SUCCESS);
    }

    private static int fid(byte[] d, int i) {
        return ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
    }
}
