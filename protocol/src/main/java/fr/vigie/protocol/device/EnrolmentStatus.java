package fr.vigie.protocol.device;

/** Where an enrolment request stands. */
public enum EnrolmentStatus {
    /** Waiting for IT's approval. */
    PENDING,
    /** Approved: the certificate and first configuration are in the answer. */
    ISSUED,
    /** Rejected by IT, or closed because another key was approved for the kiosk id. */
    REJECTED
}
