package org.athar.web;

import jakarta.ws.rs.BadRequestException;

/** A request parameter that cannot be used (400); {@code parameter} names the form field to mark. */
public class BadParameterException extends BadRequestException {

    public final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }
}
