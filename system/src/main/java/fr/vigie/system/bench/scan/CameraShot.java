package fr.vigie.system.bench.scan;

import fr.vigie.hardware.barcode.BarcodeFormat;
import java.util.Locale;
import java.util.Random;

/**
 * How one bench picture is taken: the camera's frame, where the printed symbol lies relative to it
 * (pinhole camera looking at a tilted, turned sheet), the sheet and its light, the optics, the
 * sensor and the file. Drawn by {@link #draw}; rendered by {@link BenchImages#render}. Immutable.
 *
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param modulePixels pixels per module at the symbol's centre in the final frame
 * @param rotation turn of the sheet in its plane, degrees
 * @param tiltX tilt about the horizontal axis, degrees
 * @param tiltY tilt about the vertical axis, degrees
 * @param focal focal length, pixels
 * @param centreX where the symbol's centre lands, pixels
 * @param centreY where the symbol's centre lands, pixels
 * @param quiet white margin around the symbol before printed text starts, modules
 * @param paperMargin how far the sheet goes beyond the quiet zone, modules
 * @param paper grey level of the paper
 * @param ink grey level of the ink
 * @param desk grey level of what is around the sheet
 * @param lightGradient how much darker one side of the frame is (0–1)
 * @param lightAngle direction of the gradient, radians
 * @param glare how much a specular spot washes out towards white (0–1)
 * @param glareX glare spot centre, pixels
 * @param glareY glare spot centre, pixels
 * @param glareRadius glare spot radius, pixels
 * @param blurSigma Gaussian blur, pixels of the final frame
 * @param motionLength motion blur length, pixels of the final frame
 * @param motionAngle motion blur direction, radians
 * @param noise sensor noise standard deviation, grey levels
 * @param downscale the sensor's frame is this many times larger and reduced to the final frame (1 = not)
 * @param nearest reduction picks one pixel (aliasing) rather than averaging
 * @param jpegQuality JPEG quality 1–100, or 0 for a PNG file
 * @param detailSeed seed of the printed text's layout, the desk's texture and the noise
 */
record CameraShot(int width, int height, double modulePixels, double rotation, double tiltX, double tiltY,
        double focal, double centreX, double centreY, double quiet, double paperMargin, int paper, int ink, int desk,
        double lightGradient, double lightAngle, double glare, double glareX, double glareY, double glareRadius,
        double blurSigma, double motionLength, double motionAngle, double noise, int downscale, boolean nearest,
        int jpegQuality, long detailSeed) {

    /** Draws the shot of a symbol of {@code columns × rows} modules featuring {@code featured}. */
    static CameraShot draw(Random r, Distortion featured, double strength, BarcodeFormat format, int columns, int rows) {
        double s = strength;
        boolean large = r.nextInt(10) < 4;
        int width = large ? 1280 : 640;
        int height = large ? 720 : 480;
        int modules = Math.max(columns, rows);
        double modulePixels = clamp(height * (0.3 + 0.5 * r.nextDouble()) / modules, 2.5, 12);
        double rotation = (r.nextDouble() * 2 - 1) * 10 * s;
        double tiltX = (r.nextDouble() * 2 - 1) * 8 * s;
        double tiltY = (r.nextDouble() * 2 - 1) * 8 * s;
        double focal = width * (0.9 + 0.4 * r.nextDouble());
        double quiet = (format == BarcodeFormat.QR_CODE ? 2 + 3 * r.nextDouble() : 1 + 3 * r.nextDouble()) / Math.max(1, s);
        double paperMargin = 3 + 9 * r.nextDouble();
        int paper = 175 + r.nextInt(70);
        int ink = 10 + r.nextInt(50);
        int desk = 40 + r.nextInt(100);
        double lightGradient = 0.25 * s * r.nextDouble();
        double lightAngle = 2 * Math.PI * r.nextDouble();
        double glare = 0;
        double glareX = width * r.nextDouble();
        double glareY = height * r.nextDouble();
        double glareRadius = height * (0.15 + 0.2 * r.nextDouble());
        double blurModules = 0.2 * s * r.nextDouble();
        double motionModules = 0;
        double motionAngle = Math.PI * r.nextDouble();
        double noise = 1 + 4 * s * r.nextDouble();
        int downscale = 1;
        boolean nearest = r.nextBoolean();
        int jpegQuality = r.nextInt(10) < 3 ? 0 : 70 + r.nextInt(26);
        switch (featured) {
            case MILD -> {
            }
            case PERSPECTIVE -> {
                double tilt = Math.min(65, (25 + 25 * r.nextDouble()) * s);
                double direction = 2 * Math.PI * r.nextDouble();
                tiltX = tilt * Math.cos(direction);
                tiltY = tilt * Math.sin(direction);
            }
            case ROTATION -> rotation = 360 * r.nextDouble();
            case DEFOCUS -> blurModules = (0.35 + 0.25 * r.nextDouble()) * s;
            case MOTION -> motionModules = (0.7 + 0.7 * r.nextDouble()) * s;
            case NOISE -> noise = (12 + 16 * r.nextDouble()) * s;
            case LIGHTING -> {
                lightGradient = Math.min(0.85, (0.4 + 0.25 * r.nextDouble()) * s);
                ink = 50 + r.nextInt(51);
                paper = Math.min(250, ink + (int) ((50 + 50 * r.nextDouble()) / s));
                if (r.nextBoolean()) {
                    glare = Math.min(0.9, (0.4 + 0.35 * r.nextDouble()) * s);
                }
            }
            case DOWNSCALE -> {
                downscale = 2 + r.nextInt(2);
                modulePixels = Math.max(1.2, (1.7 + 0.9 * r.nextDouble()) / s);
            }
            case JPEG -> jpegQuality = Math.max(5, (int) Math.round((12 + 23 * r.nextDouble()) / s));
            case QUIET_ZONE -> quiet = (0.3 + 0.9 * r.nextDouble()) / s;
        }
        // Shrink until the symbol and its quiet zone fit in the frame, then place it anywhere it fits.
        double[] box = null;
        for (int i = 0; i < 60; i++) {
            box = Homography.of(columns, rows, modulePixels, rotation, tiltX, tiltY, focal, 0, 0)
                    .bounds(-quiet, -quiet, columns + quiet, rows + quiet);
            if (box[2] - box[0] <= width - 8 && box[3] - box[1] <= height - 8) {
                break;
            }
            modulePixels *= 0.93;
        }
        double centreX = -box[0] + 4 + r.nextDouble() * Math.max(0, width - 8 - (box[2] - box[0]));
        double centreY = -box[1] + 4 + r.nextDouble() * Math.max(0, height - 8 - (box[3] - box[1]));
        return new CameraShot(width, height, modulePixels, rotation, tiltX, tiltY, focal, centreX, centreY, quiet,
                paperMargin, paper, ink, desk, lightGradient, lightAngle, glare, glareX, glareY, glareRadius,
                blurModules * modulePixels, motionModules * modulePixels, motionAngle, noise, downscale, nearest,
                jpegQuality, r.nextLong());
    }

    /** The file name extension. */
    String extension() {
        return jpegQuality == 0 ? "png" : "jpg";
    }

    /** The shot's main figures, for the manifest. */
    String describe() {
        return String.format(Locale.ROOT, "%dx%d %.1fpx/module rot %.0f tilt %.0f/%.0f quiet %.1f contrast %d-%d light %.2f"
                + " glare %.2f blur %.2f motion %.1f noise %.1f down %d%s %s", width, height, modulePixels, rotation,
                tiltX, tiltY, quiet, ink, paper, lightGradient, glare, blurSigma, motionLength, noise, downscale,
                downscale > 1 ? (nearest ? " nearest" : " area") : "", jpegQuality == 0 ? "PNG" : "JPEG q" + jpegQuality);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
