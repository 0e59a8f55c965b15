package org.athar.time;

/** How finely a date was expressed: a single day, month or year, or a window between two bounds. */
public enum DatePrecision {
    DAY, MONTH, YEAR, INTERVAL
}
