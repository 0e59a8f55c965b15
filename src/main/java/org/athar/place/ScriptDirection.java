package org.athar.place;

/** Writing direction of a name; pages put it in the dir attribute. */
public enum ScriptDirection {
    LTR, RTL;

    public String attribute() {
        return name().toLowerCase();
    }
}
