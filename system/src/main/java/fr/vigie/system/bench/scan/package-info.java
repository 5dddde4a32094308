/**
 * {@code ./vigie bench scan} ({@link fr.vigie.system.bench.scan.ScanBench}): measures hardware's barcode read
 * rate and time per frame next to {@code zbarimg} on the same generated pictures: symbols drawn by
 * other encoders ({@code BenchEncoder}: qrencode, dmtxwrite, Zint, ZXing for a minority) with
 * Vigie's payloads ({@code BenchPayloads}), photographed by a camera model ({@code CameraShot},
 * {@code Homography}, {@code BenchImages}, {@code Distortion}) into a directory ({@code BenchSet});
 * zbar runs once over it ({@code ZbarRun}). Everything the bench needs lives in this package, so it
 * can move as one piece.
 */
package fr.vigie.system.bench.scan;
