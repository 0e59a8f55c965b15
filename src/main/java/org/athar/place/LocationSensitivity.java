package org.athar.place;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.athar.vocabulary.Term;

/**
 * How much of a place's location the public may see, since looting follows published coordinates. This is the one
 * place the policy is applied: pages, the JSON API, exports and history pages all ask {@link #shown} for every
 * coordinate they give to someone who is not signed in.
 */
public enum LocationSensitivity implements Term {
    /** The point as recorded. */
    EXACT,
    /** Only the 0.1° cell the point lies in (about 11 km by 9 km at Palmyra), given as the cell's centre. */
    GENERALISED,
    /** No location at all. */
    WITHHELD;

    /** The size of a generalised location's cell, in degrees. */
    public static final BigDecimal CELL = new BigDecimal("0.1");

    /**
     * What the public sees of one coordinate (a latitude or a longitude): the coordinate itself, the centre of the
     * cell it lies in, or nothing. Latitude and longitude are generalised alike, so a point becomes its cell's centre.
     */
    public Double shown(Double coordinate) {
        if (coordinate == null) {
            return null;
        }
        return switch (this) {
            case EXACT -> coordinate;
            case GENERALISED -> BigDecimal.valueOf(coordinate).divide(CELL, 0, RoundingMode.FLOOR).multiply(CELL)
                    .add(CELL.divide(BigDecimal.valueOf(2))).doubleValue();
            case WITHHELD -> null;
        };
    }

    /** The sensitivity stored under this name, exact when none is (a row image from before migration V14). */
    public static LocationSensitivity of(String name) {
        return name == null ? EXACT : valueOf(name);
    }
}
