package org.athar.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.athar.account.AccountSession;
import org.athar.db.RegistryChanges;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Public pages and API answers as visitors get them: rendered once, kept in memory, and served from there until the
 * registry changes. Only anonymous GET requests to public addresses are served or stored; a request carrying a
 * session always gets live data and is marked {@code private, no-store}.
 * <p>
 * Never stale: every committed change is announced by the database ({@link RegistryChanges}), and each announcement
 * empties the cache and starts a new generation. A page is stored only if no announcement came between the start
 * of its request (before it read anything) and its rendering, so a page read before a change can never be kept
 * after it. While this node cannot hear announcements, nothing is served from memory.
 * <p>
 * Every public answer carries a weak ETag of its bytes (a matching If-None-Match gets 304 and no body), a
 * Cache-Control that makes browsers revalidate and lets a CDN keep it briefly, and a CDN-Cache-Control (RFC 9213)
 * that lets a CDN serve it stale while revalidating.
 */
@ApplicationScoped
public class PageCache {

    /** Where visitors read the registry; everything else (curation, accounts, /q) is never cached. */
    private static final List<String> PUBLIC = List.of("/sites/", "/monuments/", "/sources/", "/events/", "/claims/",
            "/history/", "/search", "/map", "/api/", "/ld/");
    private static final String KEY = "athar.page-cache.key";
    private static final String GENERATION = "athar.page-cache.generation";
    static final String ANONYMOUS = "athar.page-cache.anonymous";
    private static final String VARY = "Accept, Accept-Encoding, Accept-Language, Cookie";
    private static final String CDN_CACHE_CONTROL = "CDN-Cache-Control";

    /** A rendered answer: its bytes, the same gzipped (when worth it), its type and its tag. */
    record Page(byte[] body, byte[] gzip, String contentType, String etag) {
        int weight() {
            return body.length + (gzip == null ? 0 : gzip.length) + 200;
        }
    }

    @ConfigProperty(name = "athar.page-cache.enabled", defaultValue = "true")
    boolean enabled;

    /** The bound on stored bytes; by default a quarter of the heap. */
    @ConfigProperty(name = "athar.page-cache.max-megabytes")
    Optional<Integer> maxMegabytes;

    @ConfigProperty(name = "athar.page-cache.max-age-seconds", defaultValue = "60")
    int maxAge;

    @ConfigProperty(name = "athar.page-cache.stale-while-revalidate-seconds", defaultValue = "300")
    int staleWhileRevalidate;

    @Inject
    RegistryChanges changes;

    @Inject
    RenderLimit limit;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong generation = new AtomicLong();
    private Cache<String, Page> pages;
    private String publicCacheControl;
    private String cdnCacheControl;

    @PostConstruct
    void create() {
        long bound = maxMegabytes.map(mb -> mb * 1024L * 1024L).orElse(Runtime.getRuntime().maxMemory() / 4);
        pages = Caffeine.newBuilder().maximumWeight(bound).recordStats()
                .weigher((String key, Page page) -> page.weight()).build();
        // /q/metrics: cache_gets_total{cache="pages",result="hit"|"miss"}, evictions and size
        CaffeineCacheMetrics.monitor(metrics, pages, "pages");
        // Browsers revalidate every time (a 304 by ETag costs nothing), so that a visitor never sees a page older than
        // the registry; shared caches (a CDN) may keep it briefly, and those that read RFC 9213's CDN-Cache-Control
        // may serve it stale while they fetch the new one. A browser honouring stale-while-revalidate would show
        // a visitor the old page once after a change, so that directive is for CDNs only.
        publicCacheControl = "public, max-age=0, s-maxage=" + maxAge;
        cdnCacheControl = "public, max-age=" + maxAge + ", stale-while-revalidate=" + staleWhileRevalidate;
    }

    void install(@Observes Filters filters) {
        filters.register(this::front, 100);
    }

    void changed(@Observes RegistryChanges.Changed change) {
        invalidate();
    }

    /** Drops every stored page; pages being rendered now will not be stored. */
    public void invalidate() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /** Cached pages in memory now. */
    public long size() {
        return pages.estimatedSize();
    }

    /** Runs on the event loop before anything else: serves what is stored, or marks the request for storing. */
    private void front(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            // a write through this node: drop this node's pages once it is answered, without waiting for the
            // database's announcement, so that the writer's next request already sees the change
            context.addEndHandler(done -> invalidate());
            context.next();
            return;
        }
        if (!isPublic(request.path()) || request.getCookie(AccountSession.COOKIE) != null) {
            context.next();
            return;
        }
        context.put(ANONYMOUS, Boolean.TRUE);
        // public pages carry no form, so they need no CSRF cookie: one would make every answer uncacheable downstream
        context.addHeadersEndHandler(v -> context.response().removeCookie("csrf-token", false));
        if (enabled && changes.listening()) {
            // a record's page and its linked data share an address: what the client accepts is part of the key, and so
            // is the language the page is written in (Language, chosen before this filter); and
            // pages say how to cite them with today's date, so a page is kept for the day it was rendered on
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            String key = LocalDate.now(ZoneOffset.UTC) + " " + Language.of(context).code() + " " + request.uri()
                    + (accept != null && accept.contains("ld+json") ? " " + accept : "");
            Page page = pages.getIfPresent(key);
            if (page != null) {
                serve(context, page);
                return;
            }
            context.put(KEY, key);
            context.put(GENERATION, generation.get());
        }
        limit.admit(context);
    }

    private static boolean isPublic(String path) {
        return path != null && (path.equals("/") || PUBLIC.stream().anyMatch(path::startsWith));
    }

    private void serve(RoutingContext context, Page page) {
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.ETAG, page.etag).putHeader(HttpHeaders.CACHE_CONTROL, publicCacheControl)
                .putHeader(CDN_CACHE_CONTROL, cdnCacheControl).putHeader(HttpHeaders.VARY, VARY);
        if (matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), page.etag)) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, page.contentType);
        boolean gzip = page.gzip != null && acceptsGzip(context.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
        if (gzip) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        // the stored bytes themselves, not a copy of them for every visitor (50 KB a page, 30,000 pages a second)
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(gzip ? page.gzip : page.body)));
    }

    /**
     * After a resource answered: a visitor's successful answer is rendered to bytes, tagged, stored when its
     * generation is still current, and answered 304 when the client has it already. Anything else is kept by nobody.
     */
    @ServerResponseFilter
    public void tag(ContainerResponseContext response, RoutingContext context) {
        if (context.get(ANONYMOUS) == null) {
            if (context.request().method() == HttpMethod.GET) {
                response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
            }
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.VARY, VARY);
        if (response.getStatus() != 200) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof StreamingOutput) {
            // an export, written as it is read: too large to keep, but a CDN may keep it as briefly as a page
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, publicCacheControl);
            return;
        }
        byte[] body = bytes(entity);
        if (body == null) {
            return;
        }
        // without an Accept header the type is chosen after the filters: pages are HTML, everything else JSON
        MediaType type = response.getMediaType() != null ? response.getMediaType()
                : entity instanceof String || entity instanceof TemplateInstance ? MediaType.TEXT_HTML_TYPE
                        : MediaType.APPLICATION_JSON_TYPE;
        String contentType = type.getParameters().containsKey("charset") || !type.isCompatible(MediaType.TEXT_HTML_TYPE)
                ? type.toString() : type.withCharset("UTF-8").toString();
        String etag = etag(body);
        Long startedIn = context.get(GENERATION);
        if (startedIn != null && startedIn == generation.get()) {
            pages.put(context.get(KEY), new Page(body, body.length > 1024 ? gzip(body) : null, contentType, etag));
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, publicCacheControl);
        response.getHeaders().putSingle(CDN_CACHE_CONTROL, cdnCacheControl);
        if (matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, MediaType.valueOf(contentType));
        }
    }

    private byte[] bytes(Object entity) {
        try {
            if (entity instanceof byte[] b) {
                return b;
            }
            if (entity instanceof String s) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
            if (entity instanceof TemplateInstance t) {
                return t.render().getBytes(StandardCharsets.UTF_8);
            }
            return entity == null ? null : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** If-None-Match against a weak tag: any listed tag, weak or strong, with the same value matches. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String value = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(value) || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.toLowerCase().contains("gzip");
    }

    /**
     * A weak tag of the bytes: two different checksums and the length (80 bits). Not cryptographic, and need not be:
     * it only has to differ when a page does, and it is computed for every answer, so it must cost next to nothing.
     */
    static String etag(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        CRC32C crcc = new CRC32C();
        crcc.update(body);
        return "W/\"" + Long.toHexString(crc.getValue()) + Long.toHexString(crcc.getValue()) + "-"
                + Integer.toHexString(body.length) + "\"";
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
