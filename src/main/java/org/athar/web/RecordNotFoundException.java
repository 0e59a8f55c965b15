package org.athar.web;

import jakarta.ws.rs.NotFoundException;

/** A page or API record that does not exist (404), with a message naming what was asked for. */
public class RecordNotFoundException extends NotFoundException {

    public RecordNotFoundException(String message) {
        super(message);
    }
}
