package fr.vigie.hardware.barcode.tools;

import fr.vigie.hardware.barcode.BarcodeFormat;
import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.BarcodeSymbol;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Camera-like pictures of a symbol for the bench: 640×480 grey, the symbol at a random place and
 * size, rotated, on unevenly lit paper, blurred and noisy. Deterministic for a given {@link Random}.
 */
final class BenchImages {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    /** Largest rotation either way, in degrees. */
    static final double MAX_ROTATION = 30;

    /**
     * What was done to one picture.
     *
     * @param degrees rotation
     * @param modulePixels size of one module on the picture
     * @param blurRadius box blur radius, applied twice (close to a Gaussian)
     * @param noise standard deviation of the added Gaussian noise, in grey levels
     */
    record Distortion(double degrees, double modulePixels, int blurRadius, double noise) {
    }

    private BenchImages() {
    }

    static BufferedImage render(BarcodeFormat format, String text, Random random, Distortion[] applied)
            throws BarcodeRejectedException {
        BarcodeSymbol symbol = format == BarcodeFormat.QR_CODE ? BarcodeSymbol.qrCode(text)
                : BarcodeSymbol.dataMatrix(text);
        // Drawn from 8 pixels per module so that interpolation blurs edges, not whole modules.
        BufferedImage modules = symbol.toImage(8);
        int side = modules.getWidth() / 8;
        double degrees = (random.nextDouble() * 2 - 1) * MAX_ROTATION;
        double theta = Math.toRadians(degrees);
        // The rotated symbol must fit: its bounding box grows by |cos| + |sin|.
        double grow = Math.abs(Math.cos(theta)) + Math.abs(Math.sin(theta));
        double maxSide = (HEIGHT - 8) / grow;
        double minSide = Math.min(maxSide, Math.max(side * 2.2, HEIGHT * 0.3));
        double pixels = minSide + random.nextDouble() * (maxSide - minSide);
        double scale = pixels / side / 8;
        double box = pixels * grow;
        double cx = box / 2 + random.nextDouble() * (WIDTH - box);
        double cy = box / 2 + random.nextDouble() * (HEIGHT - box);

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        int paper = 170 + random.nextInt(80);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform at = new AffineTransform();
        at.translate(cx, cy);
        at.rotate(theta);
        at.scale(scale, scale);
        at.translate(-side * 4.0, -side * 4.0);
        g.drawImage(modules, at, null);
        g.dispose();

        byte[] px = (byte[]) image.getRaster().getDataElements(0, 0, WIDTH, HEIGHT, null);
        int ink = random.nextInt(60);
        double light = 0.25 * random.nextDouble();   // uneven lighting: darker towards one side
        boolean horizontal = random.nextBoolean();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                int v = px[i] & 0xFF;
                // Drawn white (255) becomes the paper's grey, black the ink's.
                double level = ink + (paper - ink) * v / 255.0;
                double shade = 1 - light * (horizontal ? x / (double) WIDTH : y / (double) HEIGHT);
                px[i] = (byte) clamp(level * shade);
            }
        }
        int blur = random.nextInt(3);
        for (int pass = 0; pass < 2 && blur > 0; pass++) {
            px = boxBlur(px, blur);
        }
        double noise = random.nextDouble() * 18;
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) clamp((px[i] & 0xFF) + random.nextGaussian() * noise);
        }
        image.getRaster().setDataElements(0, 0, WIDTH, HEIGHT, px);
        if (applied != null) {
            applied[0] = new Distortion(degrees, scale * 8, blur, noise);
        }
        return image;
    }

    private static byte[] boxBlur(byte[] in, int r) {
        byte[] tmp = new byte[in.length];
        byte[] out = new byte[in.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int sum = 0;
                int n = 0;
                for (int dx = -r; dx <= r; dx++) {
                    int xx = x + dx;
                    if (xx >= 0 && xx < WIDTH) {
                        sum += in[y * WIDTH + xx] & 0xFF;
                        n++;
                    }
                }
                tmp[y * WIDTH + x] = (byte) (sum / n);
            }
        }
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = -r; dy <= r; dy++) {
                    int yy = y + dy;
                    if (yy >= 0 && yy < HEIGHT) {
                        sum += tmp[yy * WIDTH + x] & 0xFF;
                        n++;
                    }
                }
                out[y * WIDTH + x] = (byte) (sum / n);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
