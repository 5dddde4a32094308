package fr.vigie.protocol.device;

/**
 * The hub's APT repository of Vigie packages, on {@code /device/v1/} (mutual TLS: only enrolled, unrevoked
 * kiosks of the site read it). The repository's metadata is signed with the hub's OpenPGP key, which the kiosk
 * pins at enrolment and gives APT as the source's {@code Signed-By}; APT then checks every index and package
 * against the signed {@code InRelease}.
 *
 * <pre>
 * GET /device/v1/software/repository-key        → 200 {@link RepositoryKeyAnswer}
 * GET /device/v1/software/apt/dists/vigie/InRelease, …/Packages.gz, /pool/main/…/*.deb
 *                                                → 200 the file, 404 NOT_FOUND
 * </pre>
 */
public final class SoftwareApi {
    /** The key the repository is signed with. */
    public static final DeviceRoute<Void, RepositoryKeyAnswer> REPOSITORY_KEY = DeviceRoute.get(
            "/device/v1/software/repository-key", RepositoryKeyAnswer.class, DeviceApiError.BAD_REQUEST);
    /** Where the repository's files are served: APT's base URI for the source {@code vigie main}. */
    public static final String REPOSITORY = "/device/v1/software/apt";
    /** The distribution kiosks' APT sources name. */
    public static final String DISTRIBUTION = "vigie";
    /** The repository's only component. */
    public static final String COMPONENT = "main";

    private SoftwareApi() {
    }
}
