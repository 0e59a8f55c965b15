package org.athar.time;

/** A date that is not valid EDTF, or whose bounds are out of order; the message is meant for a person. */
public class InvalidDateException extends IllegalArgumentException {
    public InvalidDateException(String message) {
        super(message);
    }
}
