package org.athar.actor;

import org.athar.vocabulary.Term;

/** What kind of actor is said to have done something. */
public enum ActorKind implements Term {
    ARMED_GROUP, STATE_FORCES, STATE, INTERNATIONAL_BODY, INDIVIDUAL, UNKNOWN
}
