package org.athar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.athar.web.RenderLimit.Turns;
import org.junit.jupiter.api.Test;

class TurnsTest {

    @Test
    void atMostSoManyAreMadeAtOnceAndTheOthersInTheOrderTheyCame() {
        Turns turns = new Turns(2);
        List<String> made = new ArrayList<>();
        for (String visitor : List.of("a", "b", "c", "d", "e")) {
            turns.enter(() -> made.add(visitor));
        }
        assertEquals(List.of("a", "b"), made);
        assertEquals(0, turns.available());
        assertEquals(3, turns.waiting());

        turns.leave();
        assertEquals(List.of("a", "b", "c"), made, "the first waiting takes the turn given back");
        assertEquals(0, turns.available());
        turns.leave();
        turns.leave();
        assertEquals(List.of("a", "b", "c", "d", "e"), made);
        assertEquals(0, turns.waiting());

        turns.leave();
        turns.leave();
        assertEquals(2, turns.available());
        turns.enter(() -> made.add("f"));
        assertEquals("f", made.get(made.size() - 1), "with a turn free, work runs at once");
    }

    @Test
    void workGivenDuringATurnRunsWhenATurnIsGivenBack() {
        // an answer that asks for another while it has the only turn must not run it before its own turn ends
        Turns turns = new Turns(1);
        List<String> made = new ArrayList<>();
        turns.enter(() -> {
            made.add("outer");
            turns.enter(() -> made.add("inner"));
        });
        assertEquals(List.of("outer"), made);
        turns.leave();
        assertEquals(List.of("outer", "inner"), made);
        turns.leave();
        assertEquals(1, turns.available());
    }

    @Test
    void noTurnAtAllIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Turns(0));
    }
}
