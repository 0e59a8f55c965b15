package org.athar.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence of the interface, in English; the Arabic is in messages/msg_ar.properties (MessagesTest fails when a
 * message lacks it). Templates write {msg:key}; the build checks that every key they use exists. Counts come twice
 * where a language chooses its words by number: as a number, and written in the page's digits.
 */
@MessageBundle
public interface Messages {

    // the layout
    @Message("Athar") String athar();
    @Message("Athar heritage damage registry") String layout_registry_name();
    @Message("A registry of damage to cultural heritage, every statement with its source.") String layout_description();
    @Message("Skip to content") String layout_skip();
    @Message("Main") String layout_nav();
    @Message("Registry") String layout_registry();
    @Message("Search") String layout_search();
    @Message("Map") String layout_map();
    @Message("JSON API") String layout_api();
    @Message("Curators") String layout_curators();
    @Message("Athar records damage to cultural heritage. Every statement carries its source; where sources disagree, each is shown.") String layout_footer_sources();
    @Message("Nothing is lost: every record has its history, and so do") String layout_footer_history();
    @Message("withdrawn records") String layout_footer_withdrawn();
    @Message("Breadcrumb") String breadcrumb();

    // punctuation and small words, which differ between the languages
    @Message(", ") String list_comma();
    @Message("; ") String list_semicolon();
    @Message(":") String colon();
    @Message(".") String full_stop();
    @Message("?") String question_mark();
    @Message("or") String or();
    @Message("by") String by();

    // home
    @Message("Heritage damage registry") String home_title();
    @Message("Athar: a registry of damage to cultural heritage") String home_heading();
    @Message("Athar (Arabic <span lang=\"ar\" dir=\"rtl\">آثار</span>, “traces; antiquities”) catalogues heritage sites and their monuments, the damage done to them, and the evidence for it. Every statement here carries its source: where sources disagree, as they often do on dates, each claim is kept and shown.") String home_intro();
    @Message("Find a site or monument, by any name or spelling") String home_search_label();
    @Message("Sites") String home_sites();
    @Message("No sites are recorded yet.") String home_no_sites();
    @Message("Recent events") String home_recent();

    // lists in pages
    @Message("Previous") String pager_previous();
    @Message("Next") String pager_next();
    @Message("Page {page} of {pages} ({total} in all)") String pager_page(String page, String pages, String total);
    @Message("Page {page} of {pages}") String pager_page_of(String page, String pages);
    @Message("Pages of sites") String pager_sites();
    @Message("Pages of parts") String pager_parts();
    @Message("Pages of events") String pager_events();
    @Message("Pages of monuments") String pager_monuments();
    @Message("Pages of claims") String pager_claims();
    @Message("Pages of changes") String pager_changes();
    @Message("Pages of withdrawn records") String pager_withdrawn();
    @Message("Pages of results") String pager_results();

    // records and what they say
    @Message("Not yet assessed") String not_assessed();
    @Message("undated") String undated();
    @Message("sources disagree") String sources_disagree();
    @Message("registry reading") String registry_reading();
    @Message("propose a change") String propose_change();
    @Message("Damage event") String damage_event();
    @Message("Names") String names();
    @Message("Location") String location();
    @Message("Sources") String sources();
    @Message("Source") String source();
    @Message("Curate") String curate();
    @Message("History of this record") String history_link();
    @Message(": every change, who made it and when.") String history_link_explain();

    @Message("Cite this page") String cite_heading();
    @Message("This revision for good:") String cite_permanent();
    @Message("as") String cite_as();
    @Message("or") String cite_or();
    @Message("plain text") String cite_plain();
    @Message("You are reading this record as it was at revision {number} of the registry") String revision_reading(long number);
    @Message(", on") String revision_on();
    @Message("See it as it is now") String revision_now();
    @Message("what changed since") String revision_since();

    @Message("reliability {reliability}") String claim_reliability(String reliability);
    @Message("Date") String claim_date();
    @Message("Severity") String claim_severity();
    @Message("Condition") String claim_condition();
    @Message("Actor (as reported)") String claim_actor();
    @Message("Certainty") String claim_certainty();
    @Message("Verification") String claim_verification();
    @Message("Claim") String claim_number();
    @Message("history") String claim_history();

    @Message("Sources disagree") String event_disagree();
    @Message("on the date") String event_disagree_date();
    @Message("on the severity") String event_disagree_severity();
    @Message("on the date and on the severity") String event_disagree_both();
    @Message("Cause") String event_cause();
    @Message("Effects") String event_effects();
    @Message("Extent") String event_extent();
    @Message("Attributed to") String event_actor();
    @Message("Claimed dates") String event_claimed_dates();
    @Message("Conflicting dates") String event_conflicting_dates();
    @Message("Claimed severities") String event_claimed_severities();
    @Message("Conflicting severities") String event_conflicting_severities();
    @Message("History of this event") String event_history();
    @Message("Propose a change to it") String event_propose_change();
    @Message("Another source speaks of it? Add its claim") String event_add_claim();
    @Message("{written} {#if count == 1}claim{#else}claims{/if} from the sources") String event_claims(int count, String written);
    @Message("{summary}: what the sources say, when it happened by their claims, and where they disagree.") String event_description(String summary);
    @Message("Struck:") String event_struck();
    @Message("What the sources say") String event_sources_say();

    @Message("Not yet located: no source in the registry gives its coordinates.") String location_none();
    @Message("Location withheld: the registry does not publish where this place lies, to protect it from looting.") String location_withheld();
    @Message("certainty {certainty}") String location_certainty(String certainty);
    @Message("exact point, shown to staff only: the public sees its 0.1° cell") String location_generalised_staff();
    @Message("generalised to the centre of its 0.1° cell, to protect the place from looting") String location_generalised();
    @Message("withheld from the public") String location_withheld_staff();

    @Message("Current status") String status_heading();
    @Message("dated") String status_dated();
    @Message("Propose a change to this status entry") String status_propose_change();
    @Message("Resting on {written} {#if count == 1}claim{#else}claims{/if}") String status_resting(int count, String written);
    @Message("No source in the registry assesses its condition yet.") String status_none();
    @Message("Status timeline") String status_timeline();
    @Message("As of") String status_as_of();

    @Message("{name}: damage history, current status and the sources behind every statement.") String monument_description(String name);
    @Message("Parts") String monument_parts();
    @Message("What sources say about it") String monument_claims();
    @Message("Damage history") String monument_damage_history();
    @Message("{written} events") String monument_events(String written);
    @Message("No damage is recorded for it.") String monument_no_damage();

    @Message("{name}: its monuments, their current condition and the damage recorded, with sources.") String site_description(String name);
    @Message("Monuments by current status") String site_monuments_by_status();
    @Message("No monuments are recorded for this site yet.") String site_no_monuments();
    @Message("What sources say about the site") String site_claims();
    @Message("Events at the site") String site_events();
    @Message("No events are recorded for the site as a whole.") String site_no_events();

    @Message("Kind") String source_kind();
    @Message("Publisher") String source_publisher();
    @Message("Author") String source_author();
    @Message("Published") String source_published();
    @Message("Language") String source_language();
    @Message("Address") String source_address();
    @Message("Reliability") String source_reliability();
    @Message("What it supports ({written} {#if count == 1}claim{#else}claims{/if})") String source_supports(long count, String written);
    @Message("About the place itself") String source_about_place();
    @Message("Curators:") String source_curators();

    // maps and time
    @Message("Map of the registry") String map_title();
    @Message("Every located place in the registry, coloured by its condition. Zoom in to see single monuments; a number is a group of places, coloured by the worst condition among them.") String map_lead();
    @Message("Map") String map_label();
    @Message("Locations are shown as the public may see them: some are generalised to the centre of a 0.1° cell, some withheld, to protect the places from looting. Select a place to open its page.") String map_caption();
    @Message("Legend") String map_legend();
    @Message("places") String map_places();
    @Message("may already have changed by then") String map_uncertain();
    @Message("Sites") String map_sites();
    @Message("Without scripts, or to use the points elsewhere: every site below has its own page with its monuments and their coordinates, and every located place is in") String map_without_script();
    @Message("Condition as of") String as_of_label();
    @Message("Show") String as_of_show();
    @Message("Now") String as_of_now();
    @Message("Condition on {day}") String status_on(String day);
    @Message("Timeline of {name}") String timeline_title(String name);
    @Message("Damage events from {from} to {to} as the sources date them, one row each: a dot for a day, a bar for a window of possible days, the registry's reading larger, competing dates striped; below, the monument's condition over time.") String timeline_desc(String from, String to);
    @Message("Dots are days, bars the windows sources give; the larger mark is the registry's reading, striped ones dates that sources dispute. The band below is the monument's condition, by its status entries.") String timeline_caption();
    @Message("The same as a table") String timeline_table();
    @Message("What") String timeline_what();
    @Message("Reading") String timeline_reading();
    @Message("competing date") String timeline_competing();
    @Message("another claimed date") String timeline_other();
    @Message("Monuments of {name} by condition over time") String stack_title(String name);
    @Message("How many of the site's {total} monuments were in each condition, from their status entries; the light ground is those not yet assessed.") String stack_desc(String total);
    @Message("Monuments by condition over time: each colour is a condition, as in the legend; the light ground is monuments not yet assessed.") String stack_caption();
    @Message("From") String stack_from();
    @Message("Monuments by their condition on {day}") String site_monuments_on(String day);
    @Message("Each monument is shown in the condition of its last status entry dated by that day. Where a later entry's dates include the day, the change it records may already have happened: it is named beside the monument.") String site_as_of_explain();
    @Message("may already be {condition}: an entry dated") String pending_change(String condition);

    // search
    @Message("Search the registry") String search_heading();
    @Message("Name, spelling or words") String search_label();
    @Message("Search") String search_button();
    @Message("Dates") String search_dates();
    @Message("Events from") String search_from();
    @Message("to") String search_to();
    @Message("Status as of") String search_as_of();
    @Message("Cannot search:") String search_cannot();
    @Message("{written} {#if count == 1}place{#else}places{/if}") String search_results(long count, String written);
    @Message("status as of") String search_status_as_of();
    @Message("Did you mean") String search_did_you_mean();
    @Message("Sort:") String search_sort();
    @Message("relevance") String search_sort_relevance();
    @Message("name") String search_sort_name();
    @Message("latest event") String search_sort_latest();
    @Message("at") String search_at();
    @Message("matched") String search_matched();
    @Message("Filters") String search_filters();
    @Message("Counts among the {basis} best of {total} results.") String search_facets_capped(String basis, String total);
    @Message("Remove filter {label}") String search_remove_filter(String label);
    @Message("Site") String facet_site();
    @Message("Place type") String facet_place_type();
    @Message("Status") String facet_status();
    @Message("Effect") String facet_effect();
    @Message("Source kind") String facet_source_kind();

    // history
    @Message("History of {title}") String history_title(String title);
    @Message("History of") String history_heading();
    @Message("History") String history();
    @Message("Every change to this record and to what belongs to it, newest first, with who made it and why.") String history_lead();
    @Message("This record has been withdrawn: it no longer shows on the registry's pages. Its history stays, and it can be restored.") String history_withdrawn();
    @Message("Added") String history_added();
    @Message("Changed") String history_changed();
    @Message("Removed") String history_removed();
    @Message("change") String history_change();
    @Message("Field") String history_field();
    @Message("Before") String history_before();
    @Message("After") String history_after();
    @Message("Propose restoring the version before change {changeSet}") String history_restore(long changeSet);
    @Message("(a reviewer publishes it)") String history_restore_note();
    @Message("Page {page} is past the last page of changes; see") String history_past_last(String page);
    @Message("the newest") String history_newest();
    @Message("No changes are recorded.") String history_none();
    @Message("Raw values (column names and codes)") String raw_values();

    @Message("Withdrawn records") String withdrawn_title();
    @Message("Records taken off the registry's pages, newest first. Nothing is lost: each keeps its history, and a curator can propose restoring it from there.") String withdrawn_lead();
    @Message("Record") String withdrawn_record();
    @Message("Withdrawn") String withdrawn_when();
    @Message("By") String withdrawn_by();
    @Message("Why") String withdrawn_why();
    @Message("No record has been withdrawn.") String withdrawn_none();

    // errors
    @Message("Reference:") String error_reference();
    @Message("Back to the registry") String error_back();
    @Message("{#switch status}{#case 400}Bad Request{#case 401}Unauthorized{#case 403}Forbidden{#case 404}Not Found{#case 405}Method Not Allowed{#case 406}Not Acceptable{#case 409}Conflict{#case 410}Gone{#case 413}Request Entity Too Large{#case 414}Request-URI Too Long{#case 415}Unsupported Media Type{#case 429}Too Many Requests{#case 431}Request Header Fields Too Large{#case 500}Internal Server Error{#case 503}Service Unavailable{#else}Error{/switch}") String error_title(int status);
    @Message("There is nothing at this address.") String error_not_found();
    @Message("The registry's database cannot be reached just now. Try again in a minute; nothing you sent was saved.") String error_unavailable();
    @Message("Something went wrong on our side. Nothing you sent was saved. If it happens again, tell us the reference below.") String error_unexpected();
    @Message("This form had expired or did not come from this site. Go back, reload the page and send it again.") String error_form_expired();
    @Message("This form was not properly encoded (a % not followed by two hexadecimal digits). Send it again from the page.") String error_undecodable();
    @Message("The request could not be served as sent.") String error_client();

    // curators
    @Message("Some fields need attention; they are marked below.") String form_attention();
    @Message("Submit for review") String form_submit();
    @Message("Workspace") String form_workspace();
    @Message("For the reviewer: what this is and where it comes from") String form_comment_what();
    @Message("Cause category") String f_cause_category();
    @Message("Cause type") String f_cause_type();
    @Message("Extent") String f_extent();
    @Message("Summary") String f_summary();
    @Message("Severity") String f_severity();
    @Message("Actor, as reported") String f_actor();
    @Message("Quote (a sentence at most)") String f_quote();
    @Message("Certainty") String f_certainty();
    @Message("Verification") String f_verification();
    @Message("Note") String f_note();
    @Message("Kind") String f_kind();
    @Message("Title") String f_title();
    @Message("Publisher") String f_publisher();
    @Message("Author") String f_author();
    @Message("Address (URL)") String f_url();
    @Message("Reliability") String f_reliability();
    @Message("Condition") String f_condition();
    @Message("Place (its name or slug)") String f_place();
    @Message("Date (EDTF: 2015-08-30, 2015-08, 2015-08-27/2015-08-31, ../2015-09-02, 2015-10~)") String f_date_edtf();
    @Message("Add a source's claim") String report_title_claim();
    @Message("Record a damage report") String report_title();
    @Message("Add a source's claim to an event") String report_heading_claim();
    @Message("Damage report") String report_crumb();
    @Message("What happened to a place, and what one source says about it. Your report is a draft until a reviewer publishes it.") String report_lead();
    @Message("The event") String report_legend_event();
    @Message("What happened") String report_legend_what();
    @Message("What the source claims") String report_legend_claim();
    @Message("The source") String report_legend_source();
    @Message("Event this source speaks about (its slug, or type a place's name to choose among its events)") String report_event();
    @Message("Place (its name or slug: Temple of Bel, temple-of-bel)") String report_place();
    @Message("Further places it struck (names or slugs, separated by commas; optional)") String report_further();
    @Message("Note on the claim (optional)") String report_note();
    @Message("A source already in the registry: its number, or type words of its title to choose it (leave empty to describe a new one)") String report_source_id();
    @Message("New source: kind") String report_new_kind();
    @Message("New source: title") String report_new_title();
    @Message("New source: publisher") String report_new_publisher();
    @Message("New source: published (EDTF)") String report_new_published();
    @Message("New source: address (URL)") String report_new_url();
    @Message("New source: language") String report_new_language();
    @Message("New source: reliability") String report_new_reliability();
    @Message("New source: why this grade") String report_new_reason();
    @Message("For the reviewer: where this report comes from") String report_comment();
    @Message("Change a status entry") String status_form_change();
    @Message("Record a place's condition") String status_form_new();
    @Message("Status") String status_crumb();
    @Message("A condition as of a date, resting on claims already in the registry (their numbers are in the address of each claim on a monument's page, #claim-N). A reviewer publishes it into the place's status timeline.") String status_form_lead();
    @Message("As of (EDTF: 2016-03-27, 2016-03)") String status_form_as_of();
    @Message("Resting on claims (numbers separated by commas, or type a place's name to choose among its claims)") String status_form_claims();
    @Message("For the reviewer") String form_for_reviewer();
    @Message("Propose a change to a source") String source_form_change();
    @Message("Propose a new source") String source_form_new();
    @Message("Your proposal is a draft: a reviewer publishes it or sends it back to you.") String source_form_lead();
    @Message("Published (EDTF: 2015-08-30, 2015-08, ../2015-09-02)") String source_form_published();
    @Message("Language (en, ar, ar-Latn)") String source_form_language();
    @Message("Why this grade") String source_form_reason();
    @Message("Propose a change to a damage event") String event_form_title();
    @Message("What happened, its cause and effects, and the places it affected. Its date, severity and actor are what its sources claim: change those on the claims, or") String event_form_lead();
    @Message("add another source's claim") String event_form_add();
    @Message("Places affected (slugs or names, separated by commas)") String event_form_places();
    @Message("Propose a change to a claim") String claim_form_title();
    @Message("What one source says: correct how the registry records it (a mistyped date, a verification since made). Claims are never changed to agree with each other: a source that disagrees keeps its own claim.") String claim_form_lead();
    @Message("Source (its number, or type words of its title to choose it)") String claim_form_source();
    @Message("Severity (claims about events)") String claim_form_severity();
    @Message("Condition (claims about places)") String claim_form_condition();
    @Message("For the reviewer: why the claim should read this way") String claim_form_comment();
    @Message("Propose a change to a place") String place_form_change();
    @Message("Propose a new place") String place_form_new();
    @Message("Propose a change to") String place_form_change_to();
    @Message("Place") String place_crumb();
    @Message("A site, a monument of a site, or a part of a monument, with its names in every language and script it is known by. Your proposal is a draft until a reviewer publishes it.") String place_form_lead();
    @Message("Where it sits") String place_legend_where();
    @Message("What it is") String place_legend_what();
    @Message("Identifiers in authority files") String place_legend_identifiers();
    @Message("Where it lies") String place_legend_lies();
    @Message("Level") String place_level();
    @Message("Inside (the site, or the monument for a part: its name or slug)") String place_parent();
    @Message("Address (slug, e.g. temple-of-nabu; fixed once published)") String place_slug();
    @Message("Place type") String place_type();
    @Message("Description") String place_description();
    @Message("One designation per language; other names as alternatives or toponyms. Language codes: en, ar (Arabic script), ar-Latn (a transliteration), fr, de... Clear a row to drop the name.") String place_names_help();
    @Message("Name") String place_name();
    @Message("Language") String place_language();
    @Message("Type") String place_type_col();
    @Message("Authority") String place_authority();
    @Message("Identifier") String place_identifier();
    @Message("Latitude (decimal degrees)") String place_latitude();
    @Message("Longitude (decimal degrees)") String place_longitude();
    @Message("Location certainty") String place_location_certainty();
    @Message("What the public sees of the location (staff always see the point)") String place_sensitivity();
    @Message("Or, instead of EDTF, the first and last possible days (one is enough; the same day twice for an exact day)") String date_days();
    @Message("First possible day") String date_first();
    @Message("Last possible day") String date_last();
    @Message("The date reads:") String date_reads();
    @Message("Check the date") String date_check();
    @Message("Review queue") String review_title();
    @Message("Review") String review_crumb();
    @Message("Published") String review_published();
    @Message("Proposed") String review_proposed();
    @Message("The record is already as it was then: publishing changes nothing.") String review_restore_nothing();
    @Message("No field differs from what is published.") String review_no_diff();
    @Message("Your own draft: another reviewer must review it.") String review_own();
    @Message("Publish") String review_publish();
    @Message("What should change") String review_what();
    @Message("Send back") String review_send_back();
    @Message("Nothing is waiting for review.") String review_nothing();
    @Message("Sign in") String login_title();
    @Message("For curators, reviewers and administrators. Visitors need no account.") String login_lead();
    @Message("Username") String login_username();
    @Message("Password") String login_password();
    @Message("Sign out") String sign_out();
    @Message("curator") String role_curator();
    @Message("reviewer") String role_reviewer();
    @Message("administrator") String role_admin();

    @Message("For curators") String curation_heading();
    @Message("Propose a change to this {what}") String curation_propose(String what);
    @Message("Add a monument inside it") String curation_add_monument();
    @Message("Add a part inside it") String curation_add_part();
    @Message("Record damage") String curation_record_damage();
    @Message("Record its condition") String curation_record_condition();
    @Message("Drafts waiting for review") String curation_drafts();
    @Message("Only signed-in curators see these; the page above shows published data.") String curation_drafts_note();
    @Message("(none)") String field_none();

    @Message("Withdraw this {#switch path}{#case 'events'}damage event (with its claims){#case 'status'}status entry{#case 'places'}place{#case 'sources'}source{#case 'claims'}claim{/switch}") String withdraw_heading(String path);
    @Message("A withdrawn record leaves the public pages but not the history: a reviewer decides, and it can be restored. It stays listed among") String withdraw_explain();
    @Message("Why it should be withdrawn") String withdraw_why();
    @Message("Propose withdrawing it") String withdraw_button();

    @Message("Curator workspace") String workspace_title();
    @Message("Signed in as") String workspace_signed_in();
    @Message("Record a damage report") String workspace_report();
    @Message("(an event, its place and a source's claim)") String workspace_report_note();
    @Message("Record a place's condition") String workspace_status();
    @Message("(a status as of a date, resting on claims)") String workspace_status_note();
    @Message("Propose a new source") String workspace_source();
    @Message("(or use “Propose a change” on any source page)") String workspace_source_note();
    @Message("Import records from CSV files") String workspace_import();
    @Message("(places, names, sources, events, claims, status entries)") String workspace_import_note();
    @Message("Propose a new site") String workspace_site();
    @Message("; monuments and parts are added from the page of the place they belong to, where signed-in curators also find “Propose a change” beside every place, event, claim and status entry") String workspace_site_note();
    @Message("Review queue") String workspace_review();
    @Message("{written} waiting") String workspace_waiting(String written);
    @Message("Change your password") String workspace_password();
    @Message("Manage accounts") String workspace_accounts();
    @Message("Every record has its history, from which an earlier version can be restored: for example") String workspace_history();
    @Message("the Temple of Bel's") String workspace_history_example();
    @Message("Withdrawn records are listed at") String workspace_withdrawn();
    @Message("Your drafts") String workspace_drafts();
    @Message("Your {#switch type}{#case 'DAMAGE_REPORT'}report on{#case 'STATUS'}status entry for{#case 'PLACE'}{#if isNew}new place{#else}change to{/if}{#case 'SOURCE'}{#if isNew}new source{#else}change to{/if}{#case 'EVENT'}change to the event{#case 'CLAIM'}change to the claim{#else}proposal{/switch} “{about}” is waiting for review. A reviewer will publish it or send it back with a comment; it is listed below under “Your drafts”.") String workspace_proposed(String type, boolean isNew, String about);
    @Message("Everything proposed here is a draft until a second person, a reviewer or an administrator other than its author, publishes it. An installation with a single curator needs a second account, or an administrator's permission to review their own drafts (see the README).") String workspace_two_people();
    @Message("On this installation administrators may publish their own drafts.") String workspace_admins_review_own();
    @Message("You have proposed nothing yet.") String workspace_nothing();
    @Message("Waiting for review") String draft_pending();
    @Message("Published") String draft_published();
    @Message("Sent back") String draft_sent_back();
    @Message("reviewer") String draft_reviewer();
    @Message("Revise and send again") String draft_revise();
}
