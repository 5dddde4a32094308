/**
 * A kiosk's own identity: {@link fr.vigie.provisioning.device.DeviceIdentity} (EC P-256 key generated and
 * kept on the device, CSRs, installed chain, renewal at two thirds of the lifetime, mutual-TLS
 * {@code SSLContext}), the secret that encrypts it ({@link fr.vigie.provisioning.device.DeviceSecret}), the
 * checked CSR the hub reads ({@link fr.vigie.provisioning.device.DeviceCsr}), and how a kiosk without a
 * certificate trusts its hub for enrolment ({@link fr.vigie.provisioning.device.RootPin}).
 */
package fr.vigie.provisioning.device;
