package io.crampcare.intake.rest;

/** The forms an export comes in ({@code ?format=}); lower case, as the query parameter is written. */
public enum ExportFormat {
    /** The document as one JSON object (application/json). */
    json,
    /** A zip of one CSV per table plus the JSON document (application/zip). */
    csv
}
