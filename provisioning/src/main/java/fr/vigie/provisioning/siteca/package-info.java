/**
 * The hub's site CA: {@link fr.vigie.provisioning.siteca.SiteCa} (root and issuing CA, keys encrypted at
 * rest with {@link fr.vigie.provisioning.siteca.SiteCaSettings}, device and server certificates, CRL) and
 * {@link fr.vigie.provisioning.siteca.DeviceCertificates}, which verifies a device certificate a kiosk
 * presents and names its kiosk (for the broker's access control and the device API). Checked CSRs come
 * from {@link fr.vigie.provisioning.device.DeviceCsr}.
 */
package fr.vigie.provisioning.siteca;
