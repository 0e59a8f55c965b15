package org.athar.web;

import jakarta.ws.rs.ClientErrorException;

/** A request that cannot be carried out as the registry stands now (409); the message says what stands in the way. */
public class ConflictException extends ClientErrorException {

    public ConflictException(String message) {
        super(message, 409);
    }
}
