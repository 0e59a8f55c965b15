package org.athar.curation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.athar.account.Account;
import org.athar.time.InvalidDateException;
import org.athar.web.Language;
import org.athar.time.UncertainDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turning a form into a draft, the same for every kind of record: a form with problems is shown again as typed, each
 * problem at its field, and nothing is saved; an edit of a record published meanwhile shows both versions; otherwise
 * the draft is kept and the curator goes back to the workspace.
 */
@ApplicationScoped
public class Drafting {

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    Account me() {
        return Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
    }

    Response propose(RecordType type, Proposal form, CurationResource.Edit edit, String commentHelp,
            Function<Map<String, String>, TemplateInstance> reshow) throws JsonProcessingException {
        return propose(type, form, form, edit, commentHelp, Map.of(), reshow);
    }

    /**
     * Checks {@code form} as typed, adding the problems found while reading it (a file that is not text); when it has
     * none, keeps {@code stored} (the form tidied) as a draft.
     */
    Response propose(RecordType type, Proposal form, Proposal stored, CurationResource.Edit edit, String commentHelp,
            Map<String, String> unreadable, Function<Map<String, String>, TemplateInstance> reshow) throws JsonProcessingException {
        Map<String, String> problems = new LinkedHashMap<>(form.problems(edit.recordId));
        problems.putAll(unreadable);
        Forms.requireComment(problems, edit.comment, commentHelp);
        if ((edit.recordId == null) != (edit.baseVersion == null)) {
            problems.put("recordId", Forms.say().problem_lost_record());
        }
        if (!problems.isEmpty()) {
            return Response.status(400).entity(reshow.apply(problems)).build();
        }
        if (edit.recordId != null && type.versionOf(edit.recordId) != edit.baseVersion) {
            // someone published a change since this form was opened: show both, keep nothing over it
            Proposal now = type.current(edit.recordId);
            return Response.status(409).entity(CurationResource.Templates.changedMeanwhile(type.noun(), now.title(),
                    FieldChange.between(json, now, stored), type.editPath(edit.recordId),
                    "/history/" + type.kind.path + "/" + edit.recordId)).build();
        }
        Draft draft = Draft.propose(me(), type, Draft.EDIT, edit.recordId, edit.baseVersion, json.writeValueAsString(stored),
                edit.comment);
        return toWorkspace(draft);
    }

    /** To the workspace, which confirms what happened and where the draft is. */
    static Response toWorkspace(Draft draft) {
        return Response.seeOther(URI.create("/curate?proposed=" + draft.id)).build();
    }

    /** "Check the date": the date as the registry will read it, or its problem at the field. */
    static String datePreview(String date, Map<String, String> problems) {
        try {
            return date == null || date.isBlank() ? "no date given" : UncertainDate.parse(date).label();
        } catch (InvalidDateException e) {
            problems.put("date", e.message(Language.current().locale));
            return null;
        }
    }
}
