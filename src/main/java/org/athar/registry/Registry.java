package org.athar.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.athar.actor.Actor;
import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.evidence.Source;
import org.athar.place.Place;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.registry.Views.ClaimView;
import org.athar.registry.Views.EventDetail;
import org.athar.registry.Views.EventSummary;
import org.athar.registry.Views.EventView;
import org.athar.registry.Views.LocationView;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.Page;
import org.athar.registry.Views.PendingChange;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views.SourceView;
import org.athar.registry.Views.StatusCount;
import org.athar.registry.Views.StatusView;
import org.athar.registry.Views.SupportedClaim;
import org.athar.status.Condition;
import org.athar.status.StatusAssessment;
import org.athar.time.UncertainDate;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The read side of the registry: loads what a page or an API response shows and turns it into {@link Views}.
 * Every answer takes a fixed number of queries whatever the size of the registry or of the record (no query per
 * row, no lazy loading), and every list that can grow is a {@link Page}: counted, then read one page at a time in
 * an order an index serves. Everything is read inside one transaction so that no view is built from half a change.
 */
@ApplicationScoped
@Transactional
public class Registry {

    /** A place's current condition in the search index: the last entry of its timeline there. */
    private static final String CURRENT_STATUS = "s.status_conditions[cardinality(s.status_conditions)]";

    /** What a list of places shows, from the search index that triggers keep current: the name and status there. */
    private static final String PLACE_REF = "select p.slug, s.display_name, p.level, p.kind, " + CURRENT_STATUS
            + " from place p join place_search s on s.place_id = p.id\n";

    /** {@link #PLACE_REF} from the search rows alone, which keep each place's address too (migration V25). */
    private static final String SEARCH_REF = "select s.slug, s.display_name, s.level, s.kind, " + CURRENT_STATUS + " from place_search s\n";

    /** Worst condition first, what a visitor most needs to know; unknown, then not assessed, last. */
    private static final String WORST_FIRST = "array_position(" + Condition.WORST_FIRST_SQL + ", " + CURRENT_STATUS + ") nulls last";

    @Inject
    SecurityIdentity identity;

    /** Signed-in staff see locations as recorded; everyone else as their sensitivity allows. */
    private boolean staff() {
        return !identity.isAnonymous();
    }

    public record Paging(int page, int size) {
        public int offset() {
            return (page - 1) * size;
        }
    }

    public Page<PlaceRef> sites(Paging paging) {
        readOnly();
        // counted apart: counting in the page's statement (count(*) over ()) would join every row to show fifty
        long total = count("select count(*) from place_search where level = 'SITE'");
        return Page.of(paging, total, placeRefs(SEARCH_REF + "where s.level = 'SITE' order by s.display_name, s.slug", paging));
    }

    /** Monuments (not sites or parts), by slug, one page at a time. */
    public Page<PlaceRef> monuments(Paging paging) {
        readOnly();
        long total = count("select count(*) from place where level = 'MONUMENT'");
        return Page.of(paging, total, placeRefs(PLACE_REF + "where p.level = 'MONUMENT' order by p.slug", paging));
    }

    /** The events whose reading is the most recent, newest first, with the places they struck. */
    public List<EventSummary> recentEvents(int count) {
        readOnly();
        List<Long> ids = ids("select event_id from event_reading order by day desc nulls last, event_id desc",
                new Paging(1, count));
        Map<Long, DamageEvent> events = eventsWithClaims(ids, false);
        Map<Long, List<PlaceRef>> places = new LinkedHashMap<>();
        for (Object[] row : rows(PLACE_REF.replace("from place p", "from damage_event_place dp join place p on p.id = dp.place_id")
                .replace("select p.slug", "select dp.event_id, p.slug") + "where dp.event_id in (?1) order by p.slug", ids)) {
            places.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(placeRef(row, 1));
        }
        return ids.stream().map(events::get).map(e -> new EventSummary(e.slug, e.summary, Views.ReadingView.of(e.reading()),
                places.getOrDefault(e.id, List.of()))).toList();
    }

    public Optional<SiteView> site(String slug, Paging monuments, Paging events) {
        return site(slug, monuments, events, null);
    }

    /**
     * A site with its monuments by condition: now, or with {@code asOf} on that day, when each monument is in the
     * condition of its last status entry dated by then, and a later entry whose window holds the day is named beside
     * it as a change that may already have happened.
     */
    public Optional<SiteView> site(String slug, Paging monuments, Paging events, LocalDate asOf) {
        readOnly();
        String status = asOf == null ? CURRENT_STATUS : "condition_on(s.status_days, s.status_conditions, ?2)";
        String worstFirst = WORST_FIRST.replace(CURRENT_STATUS, status);
        Object[] params = asOf == null ? new Object[0] : new Object[] { asOf };
        return Place.findBySlugWithNames(slug, PlaceLevel.SITE).map(site -> {
            // now, from the site's summary; on a day, from its monuments' timelines
            List<StatusCount> counts = (asOf == null
                    ? rows("select unnest(conditions), unnest(counts) from site_summary where site_id = ?1", site.id)
                    : rows("select st, count(*) from (select " + status + " as st from place_search s "
                            + "where s.site_id = ?1 and s.level = 'MONUMENT') m group by st order by "
                            + WORST_FIRST.replace(CURRENT_STATUS, "st"), with(site.id, params))).stream()
                    .map(r -> new StatusCount(r[0] == null ? null : Condition.valueOf((String) r[0]), ((Number) r[1]).longValue()))
                    .toList();
            long total = counts.stream().mapToLong(StatusCount::count).sum();
            Page<PlaceRef> page = Page.of(monuments, total, placeRefs(SEARCH_REF.replace(CURRENT_STATUS, status)
                    + "where s.site_id = ?1 and s.level = 'MONUMENT' order by " + worstFirst + ", s.display_name, s.slug",
                    monuments, with(site.id, params)));
            List<StatusView> timeline = timeline(site);
            StatusView shown = asOf == null ? first(timeline) : timeline.stream()
                    .filter(v -> !StatusView.effectiveOn(v).isAfter(asOf)).findFirst().orElse(null);
            List<PendingChange> pending = asOf == null ? List.of() : pending(site.id, page.items(), asOf);
            return new SiteView(site.id, site.slug, site.displayName(), site.placeType, site.kind, site.description,
                    Views.names(site), LocationView.of(site, staff()), Views.identifiers(site), shown, timeline,
                    counts, page, events(site, events), claimsAbout(site), asOf, pending);
        });
    }

    /**
     * The days on which the number of a site's monuments in some condition changes, with the counts from then on
     * (in {@link Condition#WORST_FIRST}), as the site's summary keeps them (migration V25: one row per period and
     * condition that changes in it; days, unless a site of thousands of monuments changed on more days than
     * {@link Charts#MAX_STEPS}: then months, or years, each with the counts at its end).
     */
    public List<Charts.Step> conditionSteps(String siteSlug) {
        readOnly();
        List<Object[]> changes = rows("""
                select unnest(step_days), unnest(step_conditions), unnest(step_deltas), step_unit from site_summary
                where site_id = (select id from place where slug = ?1 and level = 'SITE')""", siteSlug);
        List<Charts.Step> steps = new ArrayList<>();
        long[] counts = new long[Condition.WORST_FIRST.size()];
        for (int i = 0; i < changes.size(); i++) {
            Object[] row = changes.get(i);
            counts[Condition.WORST_FIRST.indexOf(Condition.valueOf((String) row[1]))] += ((Number) row[2]).longValue();
            LocalDate day = toLocalDate(row[0]);
            if (i + 1 == changes.size() || !toLocalDate(changes.get(i + 1)[0]).equals(day)) {
                String unit = (String) row[3];
                Views.DateView period = switch (unit) {
                    case "month" -> Views.DateView.of(UncertainDate.parse(day.toString().substring(0, 7)));
                    case "year" -> Views.DateView.of(UncertainDate.parse(day.toString().substring(0, 4)));
                    default -> null;
                };
                steps.add(new Charts.Step(day, Arrays.stream(counts).boxed().toList(), period));
            }
        }
        return steps;
    }

    private static LocalDate toLocalDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Object[] with(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * The status entries of the site and of these monuments that may already hold on a day without being counted: their
     * window holds the day, but the registry counts them from its last day, after it. One query, for the page shown.
     */
    private static List<PendingChange> pending(long siteId, List<PlaceRef> monuments, LocalDate day) {
        List<String> slugs = new ArrayList<>(monuments.stream().map(PlaceRef::slug).toList());
        // the change came after the condition before it was last known (that entry's day) and by the entry's last day
        return rows("select p.slug, a.condition, a.as_of_edtf, greatest(a.as_of_earliest, (select max(b.effective_on) "
                + "from status_assessment b where b.place_id = a.place_id and b.effective_on < a.effective_on)), a.as_of_latest "
                + "from status_assessment a join place p on p.id = a.place_id "
                + "where (p.id = ?1 or p.slug in (?2)) and (a.as_of_earliest is null or a.as_of_earliest <= ?3) "
                + "and a.as_of_latest > ?3 order by p.slug, a.effective_on, a.id", siteId,
                slugs.isEmpty() ? List.of("") : slugs, day).stream()
                .map(r -> new PendingChange((String) r[0], Condition.valueOf((String) r[1]),
                        Views.DateView.of(UncertainDate.parse((String) r[2])), toLocalDate(r[3]), toLocalDate(r[4])))
                .toList();
    }

    public Optional<MonumentView> monument(String slug, Paging events, Paging parts) {
        readOnly();
        return Place.findBySlugWithNames(slug, PlaceLevel.MONUMENT)
                .or(() -> Place.findBySlugWithNames(slug, PlaceLevel.PART))
                .map(place -> {
                    List<StatusView> timeline = timeline(place);
                    return new MonumentView(place.id, place.slug, place.displayName(), place.level, place.placeType, place.kind,
                            place.description, ancestors(place), Views.names(place),
                            LocationView.of(place, staff()), Views.identifiers(place), first(timeline), timeline,
                            events(place, events), claimsAbout(place),
                            placePage(PLACE_REF + "where p.parent_id = ?1 order by p.slug",
                                    "select count(*) from place where parent_id = ?1", parts, place.id));
                });
    }

    public Optional<SourceView> source(long id, Paging paging) {
        readOnly();
        return Source.<Source>findByIdOptional(id).map(s -> {
            Number textLength = (Number) em()
                    .createNativeQuery("select length(body) from source_text where source_id = ?1").setParameter(1, id)
                    .getResultStream().findFirst().orElse(null);
            List<Source> repeatedBy = Source.list("repeats.id = ?1 order by id", id);
            return new SourceView(s.id, s.ref, s.kind, s.title, s.publisher, s.author, Views.DateView.of(s.published), s.url,
                    s.language, s.reliability, s.reliabilityReason,
                    Views.Finding.of(s, repeatedBy, textLength == null ? null : textLength.intValue()),
                    sourceClaims(id, paging));
        });
    }

    /** An actor with the number of claims that name it (above {@link #ACTOR_CLAIMS_COUNTED}: more than that). */
    public record ActorCount(String slug, String name, org.athar.actor.ActorKind kind, long claims) {
        public boolean countedInFull() {
            return claims <= ACTOR_CLAIMS_COUNTED;
        }

        /** How far claims are counted. */
        public long counted() {
            return ACTOR_CLAIMS_COUNTED;
        }
    }

    /** Every actor, by its name in the language asked, with how many claims name it. */
    public List<ActorCount> actors(java.util.Locale locale) {
        readOnly();
        return Actor.listAll().stream().map(a -> new ActorCount(a.slug, a.name(locale), a.kind, countActorClaims(a)))
                .sorted(java.util.Comparator.comparing(ActorCount::name)).toList();
    }

    /** An actor, with what the sources say it did, a page of claims at a time, newest first. */
    public Optional<Views.ActorView> actor(String slug, Paging paging, java.util.Locale locale) {
        readOnly();
        return Actor.findBySlug(slug).map(a -> {
            long counted = countActorClaims(a);
            return new Views.ActorView(a.slug, a.name(locale), a.kind, a.description,
                    a.names.stream().map(n -> new Views.ActorNameView(n.name, n.language)).toList(),
                    actorClaims(a, paging, counted), counted > ACTOR_CLAIMS_COUNTED);
        });
    }

    /** Claims about an actor are counted up to this many; a page says "more than" beyond it, and pages stop there. */
    public static final int ACTOR_CLAIMS_COUNTED = 10_000;

    /**
     * The claims about an actor, newest first: those a curator linked to it, and those whose words spell one of its
     * names; one index range per way of naming it (claim_actor_idx, claim_actor_words_idx), each read no further than
     * the page asked for.
     */
    private Page<SupportedClaim> actorClaims(Actor actor, Paging paging, long counted) {
        int upTo = Math.min(paging.offset() + paging.size(), ACTOR_CLAIMS_COUNTED);
        Object[] names = actor.names.stream().map(n -> n.name).toArray();
        List<Long> ids = paging.offset() >= ACTOR_CLAIMS_COUNTED ? List.of()
                : rows("select id, 0 from (" + actorClaimIds(actor, upTo) + ") x order by id desc offset " + paging.offset()
                        + " limit " + paging.size(), names).stream().map(r -> ((Number) r[0]).longValue()).toList();
        long total = Math.min(counted, ACTOR_CLAIMS_COUNTED);
        if (ids.isEmpty()) {
            return Page.of(paging, total, List.of());
        }
        Object[] padded = padded(ids);
        return Page.of(paging, total, supported(Claim.<Claim>find("from Claim c join fetch c.source left join fetch c.event "
                + "left join fetch c.actorRecord left join fetch c.disputedBy where c.id in " + parameters(padded)
                + " order by c.id desc", padded).list()));
    }

    /** How many claims are about the actor, counted up to {@link #ACTOR_CLAIMS_COUNTED} (and one more, meaning more). */
    private static long countActorClaims(Actor actor) {
        return count("select count(*) from (" + actorClaimIds(actor, ACTOR_CLAIMS_COUNTED + 1) + ") x",
                actor.names.stream().map(n -> n.name).toArray());
    }

    /** The newest {@code limit} claim numbers of each way of naming the actor; ?1, ?2... are its names in order. */
    private static String actorClaimIds(Actor actor, int limit) {
        StringBuilder sql = new StringBuilder("(select c.id from claim c where c.actor_id = " + actor.id
                + " order by c.id desc limit " + limit + ")");
        for (int i = 1; i <= actor.names.size(); i++) {
            sql.append(" union all (select c.id from claim c where c.actor is not null and c.actor_id is null")
                    .append(" and athar_normalize(c.actor) = athar_normalize(?").append(i).append(") order by c.id desc limit ")
                    .append(limit).append(")");
        }
        return sql.toString();
    }

    /** A page of a source's claims, each with what it is about. */
    private Page<SupportedClaim> sourceClaims(long sourceId, Paging paging) {
        long total = count("select count(*) from claim where source_id = ?1", sourceId);
        List<Claim> claims = Claim.find("from Claim c join fetch c.source left join fetch c.event left join fetch c.actorRecord "
                + "left join fetch c.disputedBy where c.source.id = ?1 order by c.id", sourceId)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(paging, total, supported(claims));
    }

    /** Claims with what each is about: its place, or the places of its event. */
    private List<SupportedClaim> supported(List<Claim> claims) {
        List<Long> claimIds = claims.stream().map(c -> c.id).toList();
        // what each claim is about: its place, or the places of its event
        Map<Long, List<PlaceRef>> about = new LinkedHashMap<>();
        String ref = PLACE_REF.replace("select p.slug", "select c.id, p.slug");
        for (Object[] row : rows(ref.replace("from place p", "from claim c join place p on p.id = c.place_id")
                + "where c.id in (?1) union all " + ref.replace("from place p",
                        "from claim c join damage_event_place dp on dp.event_id = c.event_id join place p on p.id = dp.place_id")
                + "where c.id in (?1) order by 1, 2", claimIds)) {
            about.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(placeRef(row, 1));
        }
        return claims.stream()
                .map(c -> new SupportedClaim(ClaimView.of(c), c.event == null ? null : c.event.slug,
                        c.event == null ? null : c.event.summary, about.getOrDefault(c.id, List.of())))
                .toList();
    }

    /** A damage event with its reading, claims and effects, and the places it struck. */
    public Optional<EventDetail> event(String slug) {
        readOnly();
        return DamageEvent.findBySlug(slug).map(e -> {
            DamageEvent event = eventsWithClaims(List.of(e.id), true).get(e.id);
            List<PlaceRef> places = rows(PLACE_REF.replace("from place p", "from damage_event_place dp join place p on p.id = dp.place_id")
                    + "where dp.event_id = ?1 order by p.slug", e.id).stream().map(r -> placeRef(r, 0)).toList();
            return new EventDetail(e.id, EventView.of(event), places);
        });
    }

    /** The places containing this one, outermost first: a part's monument and site. */
    private List<PlaceRef> ancestors(Place place) {
        return rows("""
                with recursive up (id, depth) as (
                    select parent_id, 1 from place where id = ?1 and parent_id is not null
                    union all select q.parent_id, up.depth + 1 from place q join up on q.id = up.id where q.parent_id is not null)
                """ + PLACE_REF + "join up on up.id = p.id order by up.depth desc", place.id).stream()
                .map(r -> placeRef(r, 0)).toList();
    }

    /** A place's events, oldest first by their stored reading, undated last: one page, with claims and effects. */
    private Page<EventView> events(Place place, Paging paging) {
        // the page's events with the number of them all, in one statement (counted apart only past the last page)
        List<Object[]> rows = paged("""
                select r.event_id, count(*) over () from damage_event_place dp join event_reading r on r.event_id = dp.event_id
                join damage_event e on e.id = dp.event_id where dp.place_id = ?1 order by r.day nulls last, e.slug""",
                paging, place.id);
        long total = total(rows, 1, paging, "select count(*) from damage_event_place where place_id = ?1", place.id);
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, DamageEvent> events = eventsWithClaims(ids, true);
        return Page.of(paging, total, ids.stream().map(events::get).map(EventView::of).toList());
    }

    /**
     * Events by id with their claims and the claims' sources, and their effects if asked: one query per collection,
     * since fetching two collections in one query multiplies the rows of each by the other.
     */
    private static Map<Long, DamageEvent> eventsWithClaims(List<Long> ids, boolean effects) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Object[] padded = padded(ids);
        String in = " where e.id in " + parameters(padded);
        Map<Long, DamageEvent> events = DamageEvent.<DamageEvent>list(
                "select e from DamageEvent e left join fetch e.claims c left join fetch c.source s "
                + "left join fetch s.repeats left join fetch c.actorRecord left join fetch c.disputedBy" + in, padded)
                .stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        if (effects) {
            DamageEvent.list("select e from DamageEvent e left join fetch e.effects" + in, padded);
        }
        return events;
    }

    /** "(?1, ?2, ...)", a parameter for each of these. */
    private static String parameters(Object[] values) {
        return IntStream.rangeClosed(1, values.length).mapToObj(i -> "?" + i).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * Ids as that many single parameters, padded with the last to a power of two: Hibernate keeps the plan of a query
     * only when no parameter is a list (it worked out the SQL again for every page), and a few lengths make a few
     * plans, and a few statements for PostgreSQL to prepare.
     */
    private static Object[] padded(List<Long> ids) {
        Object[] padded = new Object[Integer.highestOneBit(ids.size() * 2 - 1)];
        for (int i = 0; i < padded.length; i++) {
            padded[i] = ids.get(Math.min(i, ids.size() - 1));
        }
        return padded;
    }

    private static List<ClaimView> claimsAbout(Place place) {
        return Claim.listAboutPlace(place).stream().map(ClaimView::of).toList();
    }

    private static List<StatusView> timeline(Place place) {
        return StatusAssessment.timelineFor(place).stream().map(StatusView::of).toList();
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    /**
     * Nothing read here is ever written: entities load without snapshots and the session is never flushed, so that
     * committing a read checks nothing.
     */
    private static void readOnly() {
        Session session = em().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    private static long count(String sql, Object... params) {
        return ((Number) bind(em().createNativeQuery(sql), params).getSingleResult()).longValue();
    }

    private static List<Long> ids(String sql, Paging paging, Object... params) {
        List<?> rows = bind(em().createNativeQuery(sql), params).setFirstResult(paging.offset())
                .setMaxResults(paging.size()).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, Object... params) {
        if (params.length == 1 && params[0] instanceof List<?> list && list.isEmpty()) {
            return List.of();
        }
        return bind(em().createNativeQuery(sql), params).getResultList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> paged(String sql, Paging paging, Object... params) {
        return bind(em().createNativeQuery(sql), params).setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList();
    }

    /**
     * The number of rows of a page's query whose {@code column} counts them all ({@code count(*) over ()}): counted
     * apart only past the last page, where no row says it.
     */
    private static long total(List<Object[]> rows, int column, Paging paging, String countSql, Object... params) {
        return !rows.isEmpty() ? ((Number) rows.get(0)[column]).longValue() : paging.page() == 1 ? 0 : count(countSql, params);
    }

    /**
     * A page of a record's places (a {@link #PLACE_REF} query, such as a monument's parts) and how many there are, in
     * one statement. Not for the registry's own lists: the count reads every row the query selects.
     */
    private static Page<PlaceRef> placePage(String sql, String countSql, Paging paging, Object... params) {
        List<Object[]> rows = paged(sql.replaceFirst("select ", "select count(*) over (), "), paging, params);
        return Page.of(paging, total(rows, 0, paging, countSql, params), rows.stream().map(r -> placeRef(r, 1)).toList());
    }

    private static List<PlaceRef> placeRefs(String sql, Paging paging, Object... params) {
        return paged(sql, paging, params).stream().map(r -> placeRef(r, 0)).toList();
    }

    private static PlaceRef placeRef(Object[] row, int from) {
        return new PlaceRef((String) row[from], (String) row[from + 1], PlaceLevel.valueOf((String) row[from + 2]),
                PlaceKind.valueOf((String) row[from + 3]), row[from + 4] == null ? null : Condition.valueOf((String) row[from + 4]));
    }

    private static Query bind(Query query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}
