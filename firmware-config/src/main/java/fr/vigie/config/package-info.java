/**
 * The kiosk configuration model, signed configuration bundles, and Raspberry Pi kiosk packaging.
 * Filled in by the provisioning and configuration work.
 */
package fr.vigie.config;
