package org.athar.damage;

import org.athar.vocabulary.Term;

/** EAMENA disturbance cause types relevant to conflict damage. */
public enum CauseType implements Term {
    DEMOLITION_DESTRUCTION,
    EXPLOSION_HEAVY_WEAPONRY,
    GUNFIRE_LIGHT_WEAPONRY,
    LANDMINES,
    BREAKING_SMASHING,
    STRUCTURAL_ROBBING,
    THEFT_REMOVAL_OF_OBJECTS,
    GRAFFITI,
    FIRE,
    CLEARANCE_BULLDOZING,
    EXCAVATION_BULLDOZING,
    OCCUPATION_CONTINUED_USE,
    RECONSTRUCTION,
    RESTORATION,
    CONSERVATION,
    LACK_OF_MAINTENANCE,
    NO_VISIBLE_KNOWN,
    UNKNOWN
}
