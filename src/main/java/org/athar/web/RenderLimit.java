package org.athar.web;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;

/**
 * How many visitors' answers are read and rendered at once: by default two per processor
 * ({@code athar.render.concurrency}), the others waiting their turn. Reading a page and rendering it is nearly all
 * processor time, the database's and the template's, so more at once only take turns on the processors: each page
 * then took as long as all of them, and the database's backends contended with each other. Measured on 2 cores,
 * uncached monument pages at 8 connections, the same throughput (about 640 a second) with p99 25-28 ms unlimited and
 * 22-24 ms at 4: every page waits a fair share instead of some waiting for all the others.
 * <p>
 * A turn starts before the resource reads anything and ends once the answer is bytes ({@link PageCache#tag}), not
 * when a client has read them, so that slow clients cannot hold turns; an export streamed to the client ends its
 * turn before it streams. Signed-in requests are not counted.
 */
@ApplicationScoped
public class RenderLimit {

    private static final String TURN = "athar.render-limit.turn";

    @ConfigProperty(name = "athar.render.concurrency", defaultValue = "0")
    int configured;

    @Inject
    MeterRegistry metrics;

    private Semaphore turns;
    private final AtomicLong taken = new AtomicLong();

    @PostConstruct
    void create() {
        turns = new Semaphore(configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors());
        // /q/metrics: athar_render_turns_total, and athar_render_waiting, the answers waiting for a turn now
        metrics.more().counter("athar.render.turns", List.of(), taken);
        metrics.gauge("athar.render.waiting", turns, Semaphore::getQueueLength);
    }

    /** On the worker thread that will read the answer (never on the event loop, which must not wait). */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void enter(RoutingContext context) {
        if (context.get(PageCache.ANONYMOUS) == null || Context.isOnEventLoopThread()) {
            return;
        }
        turns.acquireUninterruptibly();
        taken.incrementAndGet();
        AtomicBoolean turn = new AtomicBoolean(true);
        context.put(TURN, turn);
        context.addEndHandler(done -> leave(context)); // whatever happened in between
    }

    /** After {@link PageCache#tag} made the answer bytes: response filters run from the highest priority down. */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void rendered(RoutingContext context) {
        leave(context);
    }

    /** Turns free now. */
    int available() {
        return turns.availablePermits();
    }

    /** Turns taken since start. */
    long taken() {
        return taken.get();
    }

    private void leave(RoutingContext context) {
        AtomicBoolean turn = context.get(TURN);
        if (turn != null && turn.getAndSet(false)) {
            turns.release();
        }
    }
}
