package org.athar.web;

import jakarta.ws.rs.ClientErrorException;

/** A record that was in the registry and has been withdrawn (410 Gone); the message says where its history is. */
public class RecordWithdrawnException extends ClientErrorException {

    public RecordWithdrawnException(String message) {
        super(message, 410);
    }
}
