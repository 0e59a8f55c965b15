package org.athar.web;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * How many visitors' answers are read and rendered at once: by default one more than the processors
 * ({@code athar.render.concurrency}), the others waiting their turn, first come first served. Reading a page and
 * rendering it is nearly all processor time, the database's and the template's, so more at once only take turns on
 * the processors: each page then took as long as all of them, and the database's backends contended with each other.
 * One more than the processors keeps them busy while a page waits for the database: on 2 cores, uncached monument
 * pages at 8 connections, 2 turns left a fifth of the processors idle (318-381 pages/s), 3 gave 318-459 at p99
 * 28-46 ms (two runs) and 4 gave 309-411 at p99 37-46 ms.
 * <p>
 * A request waits for its turn on the event loop, before it goes to a worker thread ({@link PageCache} admits it
 * here when the cache does not answer it): no thread waits with it, and a worker runs only answers that have a turn.
 * Waiting on a semaphore in the worker, as this did before, still ran every request's start on a worker thread of its
 * own: with 8 visitors on 2 cores, 8 threads shared the processors, a released turn went to whichever thread woke
 * first, and pages were made slower (221-315 a second, p99 50-100 ms) than with the workers cut to three.
 * <p>
 * A turn ends once the answer is bytes ({@link PageCache#tag}), not when a client has read them, so that slow clients
 * cannot hold turns; an export streamed to the client ends its turn before it streams. Signed-in requests are not
 * counted.
 */
@ApplicationScoped
public class RenderLimit {

    private static final String TURN = "athar.render-limit.turn";

    @ConfigProperty(name = "athar.render.concurrency", defaultValue = "0")
    int configured;

    @Inject
    MeterRegistry metrics;

    private Turns turns;
    private final AtomicLong taken = new AtomicLong();

    @PostConstruct
    void create() {
        turns = new Turns(configured > 0 ? configured : Runtime.getRuntime().availableProcessors() + 1);
        // /q/metrics: athar_render_turns_total, and athar_render_waiting, the answers waiting for a turn now
        metrics.more().counter("athar.render.turns", List.of(), taken);
        metrics.gauge("athar.render.waiting", turns, Turns::waiting);
    }

    /** On the event loop: the request goes on when it has a turn, now or once one is given back. */
    void admit(RoutingContext context) {
        Context own = Vertx.currentContext();
        turns.enter(() -> {
            if (own == null || Vertx.currentContext() == own) {
                start(context);
            } else {
                own.runOnContext(v -> start(context)); // a turn given back by another request, on its thread
            }
        });
    }

    private void start(RoutingContext context) {
        taken.incrementAndGet();
        context.put(TURN, new AtomicBoolean(true));
        if (context.response().closed() || context.response().ended()) {
            leave(context); // the visitor went away while waiting
            return;
        }
        context.addEndHandler(done -> leave(context)); // whatever happens in between
        context.next();
    }

    /** After {@link PageCache#tag} made the answer bytes: response filters run from the highest priority down. */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void rendered(RoutingContext context) {
        leave(context);
    }

    /** Turns free now. */
    int available() {
        return turns.available();
    }

    /** Turns taken since start. */
    long taken() {
        return taken.get();
    }

    private void leave(RoutingContext context) {
        AtomicBoolean turn = context.get(TURN);
        if (turn != null && turn.getAndSet(false)) {
            turns.leave();
        }
    }

    /**
     * So many turns, and the work waiting for one in the order it came. Work given to {@link #enter} runs now, in the
     * caller's thread, when a turn is free, else in the thread of the {@link #leave} that frees one.
     */
    static final class Turns {
        private final int atOnce;
        private final Queue<Runnable> waiting = new ArrayDeque<>();
        private int inside;

        Turns(int atOnce) {
            if (atOnce < 1) {
                throw new IllegalArgumentException("At least one answer must be made at a time, not " + atOnce);
            }
            this.atOnce = atOnce;
        }

        void enter(Runnable work) {
            synchronized (this) {
                if (inside >= atOnce) {
                    waiting.add(work);
                    return;
                }
                inside++;
            }
            work.run();
        }

        /** Once for each work run: its turn goes to the first waiting, if any. */
        void leave() {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inside--;
                }
            }
            if (next != null) {
                next.run();
            }
        }

        synchronized int waiting() {
            return waiting.size();
        }

        synchronized int available() {
            return atOnce - inside;
        }
    }
}
