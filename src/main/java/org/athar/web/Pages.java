package org.athar.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import jakarta.persistence.PersistenceException;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.athar.curation.Draft;
import org.athar.db.Sql;
import org.athar.damage.DamageEvent;
import org.athar.evidence.Source;
import org.athar.history.History;
import org.athar.history.Revisions;
import org.athar.history.Revisions.Revision;
import org.athar.place.PlaceLevel;
import org.athar.place.Place;
import org.athar.map.MapTiles;
import org.athar.registry.Charts;
import org.athar.registry.Registry;
import org.athar.registry.Views.EventDetail;
import org.athar.registry.Views.EventSummary;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.Page;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views;
import org.athar.registry.Views.SourceView;
import org.athar.transfer.Citation;
import org.athar.transfer.LinkedData;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/** The public pages: server-rendered HTML that needs no JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class Pages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page<PlaceRef> sites, List<EventSummary> recentEvents);

        static native TemplateInstance site(SiteView site, Curation curation, Citation cite, Charts.Stack chart,
                MapTiles.Bounds extent);

        static native TemplateInstance monument(MonumentView monument, Curation curation, Citation cite, Charts.Timeline timeline);

        static native TemplateInstance source(SourceView source, Citation cite);

        static native TemplateInstance event(EventDetail event, Curation curation, Citation cite);

        static native TemplateInstance actor(Views.ActorView actor);

        static native TemplateInstance actors(List<Registry.ActorCount> actors);

    }

    /** What signed-in curators see on a place's page besides the public view: the drafts waiting about it. */
    @TemplateData
    public record Curation(boolean signedIn, List<Draft> drafts) {
    }

    /** How many places or claims a page lists at a time, and how many events (which are longer). */
    static final int LIST = 50;
    static final int EVENTS = 20;

    @Inject
    Registry registry;

    @Inject
    SecurityIdentity identity;

    @Inject
    History history;

    @Inject
    Revisions revisions;

    @Inject
    MapTiles mapTiles;

    /** Not found (404), or Gone (410) with the way to its history when the record was withdrawn. */
    private RuntimeException missing(String what, String table, String field, String key, String path) {
        if (history.withdrawn(table, field, key).isPresent()) {
            return new RecordWithdrawnException("The " + what + " '" + key + "' has been withdrawn from the registry. "
                    + "Its history, from which a curator can restore it, is at " + path + key + "/history.");
        }
        return Requests.notFound(what, key);
    }

    /** Visitors see published data only; curators also see what is waiting for review about the place. */
    private Curation curation(String slug) {
        if (identity.isAnonymous()) {
            return new Curation(false, List.of());
        }
        return new Curation(true, read(() -> Place.findBySlug(slug).map(p -> Draft.pendingAbout(p.id, slug)).orElse(List.of())));
    }

    @GET
    public TemplateInstance home(@QueryParam("page") String page) {
        return read(() -> Templates.home(registry.sites(Requests.paging(page, null, LIST)), registry.recentEvents(8)));
    }

    /** A kind of record with a page: how to name it, where its history is kept, the start of its addresses. */
    private record Kind(String what, History.Kind history, String table, String field, String prefix, String label) {
    }

    private static final Kind MONUMENT = new Kind("monument", History.Kind.PLACE, "place", "slug", "/monuments/", "Monument record");
    private static final Kind SITE = new Kind("site", History.Kind.PLACE, "place", "slug", "/sites/", "Site record");
    private static final Kind EVENT = new Kind("damage event", History.Kind.EVENT, "damage_event", "slug", "/events/", "Damage event record");
    private static final Kind SOURCE = new Kind("source", History.Kind.SOURCE, "source", "id", "/sources/", "Source record");

    /** A record as a page shows it (now, or at the revision asked for), and how to cite what it shows. */
    public record Shown<V>(V view, Citation cite) {
    }

    /**
     * Reads a record now or, with {@code rev}, as it was at that revision of the registry: 400 for a malformed revision,
     * 404 for one the registry does not have or one before the record existed.
     */
    private <V> Shown<V> show(Kind kind, String key, Supplier<Optional<Long>> live, String rev, Supplier<Optional<V>> read,
            ToLongFunction<V> id, Function<V, String> title, UriInfo uri) {
        Revision revision;
        V view;
        if (rev == null) {
            // the record's number from what was read: looking it up first cost every page a statement
            view = read.get().orElseThrow(() -> missing(kind.what, kind.table, kind.field, key, kind.prefix));
            revision = revisions.current(kind.history, id.applyAsLong(view));
        } else {
            if (!rev.matches("[1-9][0-9]{0,17}")) {
                throw new BadParameterException("rev", "'" + rev + "' is not a revision: revisions are positive whole numbers, "
                        + "as in the permanent address a page gives under \"Cite this page\".");
            }
            long number = Long.parseLong(rev);
            long record = live.get().or(() -> history.withdrawn(kind.table, kind.field, key))
                    .orElseThrow(() -> Requests.notFound(kind.what, key));
            revision = revisions.of(number, kind.history, record).orElseThrow(() -> new RecordNotFoundException("The registry has "
                    + "no revision " + number + ": its latest is " + revisions.latest() + "."));
            try {
                view = revisions.asOf(number, kind.history, record, read).orElseThrow(() -> new RecordNotFoundException("The "
                        + kind.what + " '" + key + "' was not yet in the registry at revision " + number + "."));
            } catch (PersistenceException e) {
                throw new ConflictException("Revision " + number + " of this " + kind.what + " cannot be shown: " + Sql.refusal(e) + ".");
            }
        }
        return new Shown<>(view, new Citation(title.apply(view), kind.label, Requests.base(uri), kind.prefix + key, revision,
                LocalDate.now(ZoneOffset.UTC)));
    }

    private Shown<SiteView> shownSite(String slug, String page, String events, String rev, UriInfo uri) {
        return shownSite(slug, page, events, rev, null, uri);
    }

    private Shown<SiteView> shownSite(String slug, String page, String events, String rev, LocalDate asOf, UriInfo uri) {
        return show(SITE, slug, () -> placeId(slug, PlaceLevel.SITE), rev,
                () -> registry.site(slug, Requests.paging(page, null, LIST), Requests.paging(events, "events", null, EVENTS), asOf),
                SiteView::id, SiteView::name, uri);
    }

    private Shown<MonumentView> shownMonument(String slug, String page, String parts, String rev, UriInfo uri) {
        return show(MONUMENT, slug, () -> placeId(slug, PlaceLevel.MONUMENT, PlaceLevel.PART), rev,
                () -> registry.monument(slug, Requests.paging(page, null, EVENTS), Requests.paging(parts, "parts", null, LIST)),
                MonumentView::id, MonumentView::name, uri);
    }

    private Shown<EventDetail> shownEvent(String slug, String rev, UriInfo uri) {
        return show(EVENT, slug, () -> read(() -> DamageEvent.findBySlug(slug).map(e -> e.id)), rev, () -> registry.event(slug),
                EventDetail::id, e -> e.event().summary(), uri);
    }

    private Shown<SourceView> shownSource(String id, String page, String rev, UriInfo uri) {
        long number = Requests.parseId(id, "source");
        return show(SOURCE, id, () -> read(() -> Source.<Source>findByIdOptional(number).map(s -> s.id)), rev,
                () -> registry.source(number, Requests.paging(page, null, LIST)), SourceView::id, SourceView::title, uri);
    }

    private static Optional<Long> placeId(String slug, PlaceLevel... levels) {
        return read(() -> Place.findBySlug(slug).filter(p -> List.of(levels).contains(p.level)).map(p -> p.id));
    }

    /**
     * A lookup in a transaction of its own, unless it is part of a page's. Outside one, the request's session kept its
     * connection until the request ended, and the page's next transaction took a second: twenty visitors of site pages
     * at once held the pool's twenty connections and waited for more, until pages failed with 503.
     */
    private static <T> T read(Supplier<T> lookup) {
        return QuarkusTransaction.joiningExisting().call(lookup::get);
    }

    /**
     * A page of the registry as it is now reads in one transaction, on one connection: a site page's five reads were
     * five transactions, each begun and committed. One at an earlier revision reads that revision in a transaction of
     * its own ({@link Revisions#asOf}) and its lookups in theirs, so that it never holds one connection while it waits
     * for another.
     */
    private static <T> T page(String rev, Supplier<T> page) {
        return rev == null ? read(page) : page.get();
    }

    @GET
    @Path("sites/{slug}")
    public TemplateInstance site(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("events") String events, @QueryParam("rev") String rev, @QueryParam("asOf") String asOf,
            @Context UriInfo uri) {
        return page(rev, () -> {
            Shown<SiteView> site = shownSite(slug, page, events, rev, Requests.date(asOf, "asOf"), uri);
            // the chart reads the registry as it is now: an earlier revision is shown without it
            Charts.Stack chart = rev != null ? null : Charts.stack(registry.conditionSteps(slug), site.view().monuments().total(),
                    LocalDate.now(ZoneOffset.UTC));
            return Templates.site(site.view(), curation(slug), site.cite(), chart, mapTiles.extent(slug));
        });
    }

    @GET
    @Path("monuments/{slug}")
    public TemplateInstance monument(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("parts") String parts, @QueryParam("rev") String rev, @Context UriInfo uri) {
        return page(rev, () -> {
            Shown<MonumentView> monument = shownMonument(slug, page, parts, rev, uri);
            MonumentView view = monument.view();
            return Templates.monument(view, curation(slug), monument.cite(),
                    Charts.timeline(view.events().items(), view.statusTimeline(), LocalDate.now(ZoneOffset.UTC)));
        });
    }

    @GET
    @Path("events/{slug}")
    public TemplateInstance event(@PathParam("slug") String slug, @QueryParam("rev") String rev, @Context UriInfo uri) {
        Shown<EventDetail> event = page(rev, () -> shownEvent(slug, rev, uri));
        return Templates.event(event.view(), new Curation(!identity.isAnonymous(), List.of()), event.cite());
    }

    @GET
    @Path("sources/{id}")
    public TemplateInstance source(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("rev") String rev,
            @Context UriInfo uri) {
        Shown<SourceView> source = page(rev, () -> shownSource(id, page, rev, uri));
        return Templates.source(source.view(), source.cite());
    }

    @GET
    @Path("actors")
    @Transactional
    public TemplateInstance actors() {
        return Templates.actors(registry.actors(Language.current().locale));
    }

    /** An actor: its names and spellings, and who says it did what, a page of claims at a time. */
    @GET
    @Path("actors/{slug}")
    @Transactional
    public TemplateInstance actor(@PathParam("slug") String slug, @QueryParam("page") String page) {
        return Templates.actor(registry.actor(slug, Requests.paging(page, null, LIST), Language.current().locale)
                .orElseThrow(() -> Requests.notFound("actor", slug)));
    }

    /** "Cite this page": the record at a revision (the latest by default) as text, BibTeX or CSL-JSON. */
    @GET
    @Path("{kind: monuments|sites|events|sources}/{key}/cite")
    // the format parameter chooses the type, whatever the browser says it accepts
    @Produces(MediaType.WILDCARD)
    public Response cite(@PathParam("kind") String kind, @PathParam("key") String key, @QueryParam("format") String format,
            @QueryParam("rev") String rev, @Context UriInfo uri) {
        Citation.Format chosen;
        try {
            chosen = Citation.Format.valueOf((format == null || format.isBlank() ? "text" : format.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("format", "'" + format + "' is not a citation format: use text, bibtex or csl.");
        }
        Citation cite = switch (kind) {
            case "monuments" -> shownMonument(key, null, null, rev, uri).cite();
            case "sites" -> shownSite(key, null, null, rev, uri).cite();
            case "events" -> shownEvent(key, rev, uri).cite();
            default -> shownSource(key, null, rev, uri).cite();
        };
        return Response.ok(cite.render(chosen), chosen.mediaType).build();
    }

    /** A claim's address, as linked data names it: its place on the page of its event, or of the place it is about. */
    @GET
    @Path("claims/{id}")
    public Response claim(@PathParam("id") String id) {
        long claim = Requests.parseId(id, "claim");
        String page = Sql.query("""
                select coalesce('/events/' || e.slug, case p.level when 'SITE' then '/sites/' else '/monuments/' end || p.slug)
                from claim c left join damage_event e on e.id = c.event_id left join place p on p.id = c.place_id
                where c.id = ?""", rs -> rs.getString(1), claim).stream().findFirst()
                .orElseThrow(() -> missing("claim", "claim", "id", id, "/claims/"));
        return Response.seeOther(URI.create(page + "#claim-" + claim)).build();
    }

    // The same records as linked data (JSON-LD, CIDOC CRM), for clients that ask for it with Accept.

    @GET
    @Path("monuments/{slug}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> monumentLd(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("parts") String parts, @QueryParam("rev") String rev, @Context UriInfo uri) {
        return linked(uri).monument(page(rev, () -> shownMonument(slug, page, parts, rev, uri)).view());
    }

    @GET
    @Path("sites/{slug}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> siteLd(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("events") String events, @QueryParam("rev") String rev, @Context UriInfo uri) {
        return linked(uri).site(page(rev, () -> shownSite(slug, page, events, rev, uri)).view());
    }

    @GET
    @Path("events/{slug}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> eventLd(@PathParam("slug") String slug, @QueryParam("rev") String rev, @Context UriInfo uri) {
        return linked(uri).event(page(rev, () -> shownEvent(slug, rev, uri)).view());
    }

    @GET
    @Path("sources/{id}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> sourceLd(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("rev") String rev,
            @Context UriInfo uri) {
        return linked(uri).source(page(rev, () -> shownSource(id, page, rev, uri)).view());
    }

    private static LinkedData linked(UriInfo uri) {
        return new LinkedData(Requests.base(uri));
    }

}
