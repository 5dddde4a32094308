package fr.vigie.kiosk.outbox;

/**
 * How hard the outbox pushes each commit to the storage device. The outbox always runs SQLite in
 * WAL (write-ahead log) mode; this is SQLite's {@code PRAGMA synchronous} for it.
 */
public enum SyncLevel {
    /**
     * Every accept's commit is fsync'ed to the write-ahead log before {@code accept} returns. An accepted
     * event survives a killed process <em>and</em> a power cut or OS crash (on storage that honours
     * fsync). The default: a kiosk accepts few events and power cuts happen. Costs one fsync per
     * accepted event. Deletions of acknowledged events are committed without an fsync even here: a
     * deletion lost to a power cut only makes the event go out again, and the hub de-duplicates.
     */
    FULL,
    /**
     * The write-ahead log is fsync'ed only at checkpoints. An accepted event survives a killed
     * process (it is in the OS page cache), and the file is never corrupted, but the last commits
     * before a power cut or OS crash may be rolled back: those events are lost and their sequence
     * numbers may be handed out again. For benchmarks and disposable virtual kiosks.
     */
    NORMAL
}
