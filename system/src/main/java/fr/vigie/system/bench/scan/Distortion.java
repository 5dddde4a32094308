package fr.vigie.system.bench.scan;

/**
 * The distortion a bench picture shows strongly; every picture also has a mild dose of all the
 * others (a little tilt, rotation, blur, noise, uneven light, JPEG or PNG). Pictures cycle through
 * the values in order, so each is equally represented. The ranges are at strength 1 and scale with
 * the bench's {@code --strength}.
 */
enum Distortion {
    /** Only the mild doses: a phone or camera held reasonably well. */
    MILD("mild only"),
    /** The paper tilted 25–50° away from the camera (homography of a pinhole camera). */
    PERSPECTIVE("perspective 25-50°"),
    /** Turned by any angle. */
    ROTATION("rotation 0-360°"),
    /** Out of focus: Gaussian blur of 0.35–0.6 module. */
    DEFOCUS("defocus blur"),
    /** The hand moved: a straight motion blur of 0.7–1.4 module in any direction. */
    MOTION("motion blur"),
    /** Sensor noise of σ 12–28 grey levels. */
    NOISE("noise"),
    /** A strong light gradient, low contrast (ink 50–100, paper 50–100 levels above), glare half of the time. */
    LIGHTING("light/contrast/glare"),
    /** Taken 2–3× larger and downscaled (nearest or area) to 1.7–2.6 pixels per module. */
    DOWNSCALE("downscaled"),
    /** JPEG at quality 12–35. */
    JPEG("JPEG q12-35"),
    /** Printed text 0.3–1.2 module from the symbol (the quiet zone mostly missing). */
    QUIET_ZONE("tight quiet zone");

    private final String label;

    Distortion(String label) {
        this.label = label;
    }

    /** A short label for the bench's tables. */
    String label() {
        return label;
    }
}
