/* vigil-interchange-parse.c: validating a document, all of it
 *
 * The walk never stops at the first problem: it reports every one with its
 * JSON path, so a file is fixed in one pass. The format's own concerns
 * (keys, types, enumerations, dates, references between parts of a case)
 * are checked here; the rules of each record are the record's own
 * validate function, called on the record built from the document, so no
 * rule exists twice. A record is validated only when its fields were
 * readable, so one mistake gives one problem.
 *
 * Messages quote enumerations, dates and references, never the text of an
 * identity or a note: they end up on terminals and in bug reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-catalogue.h"
#include "vigil-db.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-field-problem.h"
#include "vigil-interchange-private.h"
#include "vigil-record-private.h"

static const Member document_members[] = {
  { "format", TYPE_STRING, REQUIRED },
  { "version", TYPE_INTEGER, REQUIRED },
  { "exported_at", TYPE_STRING, OPTIONAL },
  { "cases", TYPE_ARRAY, REQUIRED },
  { NULL },
};

static const Member case_members[] = {
  { "id", TYPE_STRING, OPTIONAL },
  { "reference", TYPE_STRING, REQUIRED },
  { "court", TYPE_STRING, REQUIRED },
  { "jurisdiction", TYPE_STRING, REQUIRED | NULLABLE },
  { "stage", TYPE_STRING, REQUIRED },
  { "outcome", TYPE_STRING, OPTIONAL },
  { "charges", TYPE_ARRAY, REQUIRED },
  { "convicted_charge", TYPE_STRING, OPTIONAL },
  { "adjourned_sine_die", TYPE_BOOLEAN, OPTIONAL },
  { "notes", TYPE_STRING, OPTIONAL },
  { "persons", TYPE_ARRAY, REQUIRED },
  { "hearings", TYPE_ARRAY, REQUIRED },
  { "protection_measures", TYPE_ARRAY, OPTIONAL },
  { "defendant_assets", TYPE_ARRAY, OPTIONAL },
  { "claims", TYPE_ARRAY, OPTIONAL },
  { "assessment", TYPE_OBJECT, OPTIONAL },
  { NULL },
};

static const Member person_members[] = {
  { "pseudonym", TYPE_STRING, REQUIRED },
  { "role", TYPE_STRING, REQUIRED },
  { "is_child", TYPE_BOOLEAN, REQUIRED },
  { "notes", TYPE_STRING, OPTIONAL },
  { "identity", TYPE_OBJECT, OPTIONAL },
  { "consents", TYPE_ARRAY, OPTIONAL },
  { "identified_on", TYPE_STRING, OPTIONAL },
  { "risk_assessments", TYPE_ARRAY, OPTIONAL },
  { NULL },
};

static const Member risk_members[] = {
  { "level", TYPE_STRING, REQUIRED },
  { "factors", TYPE_ARRAY, OPTIONAL },
  { "assessor", TYPE_STRING, OPTIONAL },
  { "assessed_at", TYPE_STRING, REQUIRED },
  { "review_on", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member change_members[] = {
  { "status", TYPE_STRING, REQUIRED },
  { "at", TYPE_STRING, REQUIRED },
  { "monitor", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member consent_members[] = {
  { "kind", TYPE_STRING, REQUIRED },
  { "shared_with", TYPE_STRING, OPTIONAL },
  { "given_at", TYPE_STRING, REQUIRED },
  { "withdrawn_at", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member identity_members[] = {
  { "full_name", TYPE_STRING, OPTIONAL },
  { "aliases", TYPE_ARRAY, OPTIONAL },
  { "date_of_birth", TYPE_STRING, OPTIONAL },
  { "nationality", TYPE_STRING, OPTIONAL },
  { "languages", TYPE_ARRAY, OPTIONAL },
  { "phone", TYPE_STRING, OPTIONAL },
  { "address", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member measure_members[] = {
  { "person", TYPE_STRING, REQUIRED },
  { "hearing_index", TYPE_INTEGER, OPTIONAL },
  { "kind", TYPE_STRING, REQUIRED },
  { "status", TYPE_STRING, REQUIRED },
  { "starts_at", TYPE_STRING, OPTIONAL },
  { "ends_at", TYPE_STRING, OPTIONAL },
  { "responsible", TYPE_STRING, OPTIONAL },
  { "details", TYPE_STRING, OPTIONAL },
  { "history", TYPE_ARRAY, OPTIONAL },
  { NULL },
};

static const Member claim_members[] = {
  { "claimant", TYPE_STRING, REQUIRED },
  { "route", TYPE_STRING, REQUIRED },
  { "status", TYPE_STRING, REQUIRED },
  { "currency", TYPE_STRING, REQUIRED },
  { "filed_at", TYPE_STRING, OPTIONAL },
  { "deadline", TYPE_STRING, OPTIONAL },
  { "assets", TYPE_STRING, OPTIONAL },
  { "notes", TYPE_STRING, OPTIONAL },
  { "items", TYPE_ARRAY, REQUIRED },
  { "status_history", TYPE_ARRAY, OPTIONAL },
  { "deadlines", TYPE_ARRAY, OPTIONAL },
  { "payments", TYPE_ARRAY, OPTIONAL },
  { "asset_indexes", TYPE_ARRAY, OPTIONAL },
  { NULL },
};

static const Member item_members[] = {
  { "head", TYPE_STRING, REQUIRED },
  { "claimed_minor", TYPE_INTEGER, REQUIRED },
  { "awarded_minor", TYPE_INTEGER, OPTIONAL },
  { "paid_minor", TYPE_INTEGER, OPTIONAL },
  { "evidence", TYPE_STRING, OPTIONAL },
  { NULL },
};

/* private helpers: the parts of a case */

static VigilIdentity *
parse_identity (Walk *w, JsonNode *node, const char *path)
{
  static const char * const scalars[] = {
    "full_name", "date_of_birth", "nationality", "phone", "address",
  };
  g_autoptr (VigilIdentity) identity = vigil_identity_new ();
  g_autoptr (GError) error = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, identity_members);

  if (object == NULL)
    return NULL;
  identity->full_name = g_strdup (vigil_walk_get_string (object, "full_name"));
  identity->aliases = vigil_walk_get_strv (w, object, "aliases", path);
  identity->date_of_birth = g_strdup (vigil_walk_get_string (object, "date_of_birth"));
  identity->nationality = g_strdup (vigil_walk_get_string (object, "nationality"));
  identity->languages = vigil_walk_get_strv (w, object, "languages", path);
  identity->phone = g_strdup (vigil_walk_get_string (object, "phone"));
  identity->address = g_strdup (vigil_walk_get_string (object, "address"));
  if (w->problems->len > before)
    return NULL;

  /* The identity's rules are each about one field: validating the fields
   * one at a time tells which member a problem is at. */
  for (guint i = 0; i < G_N_ELEMENTS (scalars); i++)
    {
      g_autoptr (VigilIdentity) single = vigil_identity_new ();
      g_autoptr (GError) local = NULL;
      const char *value = vigil_walk_get_string (object, scalars[i]);

      if (value == NULL)
        continue;
      if (g_str_equal (scalars[i], "full_name"))
        single->full_name = g_strdup (value);
      else if (g_str_equal (scalars[i], "date_of_birth"))
        single->date_of_birth = g_strdup (value);
      else if (g_str_equal (scalars[i], "nationality"))
        single->nationality = g_strdup (value);
      else if (g_str_equal (scalars[i], "phone"))
        single->phone = g_strdup (value);
      else
        single->address = g_strdup (value);
      if (!vigil_identity_validate (single, &local))
        vigil_walk_record_problem (w, path, scalars[i], local);
    }
  if (w->problems->len > before)
    return NULL;
  if (!vigil_identity_validate (identity, &error))
    {
      vigil_walk_record_problem (w, path, NULL, error);
      return NULL;
    }
  if (vigil_identity_is_empty (identity))
    return NULL;
  return g_steal_pointer (&identity);
}

static VigilConsent *
parse_consent (Walk *w, JsonNode *node, const char *path, VigilPerson *person)
{
  g_autoptr (VigilConsent) consent = NULL;
  g_autoptr (GDateTime) given_at = NULL;
  g_autoptr (GDateTime) withdrawn_at = NULL;
  g_autoptr (GError) error = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, consent_members);
  gboolean ok = TRUE;
  int kind = 0;

  if (object == NULL)
    return NULL;
  vigil_walk_get_enum (w, object, path, "kind", VIGIL_TYPE_CONSENT_KIND, _("kind of consent"),
                       &kind);
  given_at = vigil_walk_get_time (w, object, path, "given_at", &ok);
  withdrawn_at = vigil_walk_get_time (w, object, path, "withdrawn_at", &ok);
  if (w->problems->len > before || given_at == NULL)
    return NULL;
  if (kind == VIGIL_CONSENT_KIND_STORAGE && withdrawn_at != NULL)
    {
      g_autofree char *child = vigil_walk_member_path (path, "withdrawn_at");

      /* Vigil erases a person who withdraws consent to storing their data;
       * such a person is not brought back by an import. */
      vigil_interchange_add_problem (w->problems, child,
                                     _("the person withdrew consent to storing their data, so "
                                       "nothing about them may be imported; leave the person "
                                       "out of the file"));
      return NULL;
    }

  consent = vigil_consent_new (vigil_person_get_id (person), kind, given_at);
  vigil_consent_set_shared_with (consent, vigil_walk_get_string (object, "shared_with"));
  vigil_consent_set_withdrawn_at (consent, withdrawn_at);
  if (!vigil_consent_validate (consent, &error))
    {
      vigil_walk_record_problem (w, path, NULL, error);
      return NULL;
    }
  return g_steal_pointer (&consent);
}

static VigilRiskAssessmentData *
parse_risk (Walk *w, JsonNode *node, const char *path, VigilPerson *person)
{
  g_autoptr (VigilRiskAssessmentData) data = vigil_risk_assessment_data_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) factors = NULL;
  const char *field = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, risk_members);
  gboolean ok = TRUE;

  if (object == NULL)
    return NULL;
  data->assessed_at = vigil_walk_get_time (w, object, path, "assessed_at", &ok);
  factors = vigil_walk_get_strv (w, object, "factors", path);
  if (w->problems->len > before || data->assessed_at == NULL)
    return NULL;
  data->case_id = g_strdup (vigil_person_get_case_id (person));
  data->person_id = g_strdup (vigil_person_get_id (person));
  data->level = g_strdup (vigil_walk_get_string (object, "level"));
  data->review_on = g_strdup (vigil_walk_get_string (object, "review_on"));
  data->assessor = g_strdup (vigil_walk_get_string (object, "assessor"));
  vigil_risk_assessment_data_set_factors (data, (const char * const *) factors);
  if (!vigil_risk_assessment_data_validate (data, &field, &error))
    {
      vigil_walk_record_problem (w, path, field, error);
      return NULL;
    }
  return g_steal_pointer (&data);
}

/* A measure's history: statuses in an order Vigil allows, ending with the
 * measure's own. */
static GPtrArray *
parse_history (Walk *w, JsonObject *object, const char *path, const char *status)
{
  g_autoptr (GPtrArray) history =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_protection_status_change_free);
  g_autofree char *list_path = vigil_walk_member_path (path, "history");
  JsonArray *array = vigil_walk_get_array (object, "history");
  guint before = w->problems->len;
  const char *last = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *child = vigil_walk_index_path (list_path, i);
      g_autoptr (VigilProtectionStatusChange) change = vigil_protection_status_change_new ();
      JsonObject *item = vigil_walk_check_object (w, child, json_array_get_element (array, i),
                                                  change_members);
      const char *word = NULL;
      gboolean ok = TRUE;

      if (item == NULL)
        continue;
      vigil_walk_get_word (w, item, child, "status", vigil_protection_statuses,
                           _("status of protection"), &word);
      change->changed_at = vigil_walk_get_time (w, item, child, "at", &ok);
      if (word == NULL || change->changed_at == NULL)
        continue;
      if (last != NULL && !vigil_protection_status_can_change (last, word))
        {
          g_autofree char *at = vigil_walk_member_path (child, "status");

          vigil_interchange_add_problem (w->problems, at,
                                         _("a measure that is %s cannot become %s"), last, word);
        }
      last = word;
      change->status = g_strdup (word);
      change->monitor = g_strdup (vigil_walk_get_string (item, "monitor"));
      g_ptr_array_add (history, g_steal_pointer (&change));
    }
  if (w->problems->len == before && last != NULL && status != NULL && !g_str_equal (last, status))
    vigil_interchange_add_problem (w->problems, list_path,
                                   _("the history ends with %s, but the measure is %s"), last,
                                   status);
  return g_steal_pointer (&history);
}

static void
parse_person (Walk *w, VigilPlanCase *plan, JsonNode *node, const char *path, GHashTable *seen)
{
  g_autoptr (VigilPerson) person = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) risks =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_risk_assessment_data_free);
  JsonArray *risk_nodes;
  VigilPlanPerson *entry;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, person_members);
  JsonArray *consent_nodes;
  const char *pseudonym;
  JsonNode *identity_node;
  VigilIdentity *identity = NULL;
  int role = 0;

  if (object == NULL)
    return;
  /* Built first: its consents need its id. */
  person = vigil_person_new (vigil_case_get_id (plan->kase));
  pseudonym = vigil_walk_get_string (object, "pseudonym");
  vigil_walk_get_enum (w, object, path, "role", VIGIL_TYPE_PERSON_ROLE, _("role"), &role);
  consent_nodes = vigil_walk_get_array (object, "consents");
  for (guint i = 0; consent_nodes != NULL && i < json_array_get_length (consent_nodes); i++)
    {
      g_autofree char *list_path = vigil_walk_member_path (path, "consents");
      g_autofree char *child = vigil_walk_index_path (list_path, i);
      VigilConsent *consent =
        parse_consent (w, json_array_get_element (consent_nodes, i), child, person);

      if (consent != NULL)
        g_ptr_array_add (consents, consent);
    }
  identity_node = vigil_walk_get_typed (object, "identity", TYPE_OBJECT);
  if (identity_node != NULL)
    {
      g_autofree char *child = vigil_walk_member_path (path, "identity");

      identity = parse_identity (w, identity_node, child);
    }

  if (pseudonym != NULL)
    {
      g_autoptr (VigilPerson) probe = vigil_person_new (vigil_case_get_id (plan->kase));
      g_autoptr (GError) local = NULL;
      const char *other = g_hash_table_lookup (seen, pseudonym);

      /* The pseudonym's own rule, apart from the person's other fields. */
      vigil_person_set_pseudonym (probe, pseudonym);
      if (!vigil_person_validate (probe, &local))
        vigil_walk_record_problem (w, path, "pseudonym", local);
      else if (other != NULL)
        {
          g_autofree char *child = vigil_walk_member_path (path, "pseudonym");
          g_autofree char *quoted = vigil_walk_quote (pseudonym);

          vigil_interchange_add_problem (w->problems, child,
                                         _("%s is already the pseudonym of %s; a pseudonym "
                                           "names one person of a case"),
                                         quoted, other);
        }
      else
        g_hash_table_insert (seen, g_strdup (pseudonym), g_strdup (path));
    }

  if (w->problems->len > before)
    {
      g_clear_pointer (&identity, vigil_identity_free);
      return;
    }

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, role);
  vigil_person_set_is_child (person, vigil_walk_get_boolean (object, "is_child"));
  vigil_person_set_notes (person, vigil_walk_get_string (object, "notes"));
  vigil_person_set_identified_on (person, vigil_walk_get_string (object, "identified_on"));
  if (!vigil_person_validate (person, &error))
    {
      vigil_walk_record_problem (w, path,
                                 g_str_has_prefix (error->message, _("Identified"))
                                   ? "identified_on"
                                   : NULL,
                                 error);
      g_clear_pointer (&identity, vigil_identity_free);
      return;
    }
  risk_nodes = vigil_walk_get_array (object, "risk_assessments");
  for (guint i = 0; risk_nodes != NULL && i < json_array_get_length (risk_nodes); i++)
    {
      g_autofree char *list_path = vigil_walk_member_path (path, "risk_assessments");
      g_autofree char *child = vigil_walk_index_path (list_path, i);
      VigilRiskAssessmentData *risk =
        parse_risk (w, json_array_get_element (risk_nodes, i), child, person);

      if (risk != NULL)
        g_ptr_array_add (risks, risk);
    }
  if (w->problems->len > before)
    {
      g_clear_pointer (&identity, vigil_identity_free);
      return;
    }
  if (identity != NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr (GPtrArray) problems = vigil_person_check_identity (person, identity, now);

      /* A warning is for a person at the editor to confirm; a file has
       * no one to ask, and what was confirmed once is not refused when it
       * comes back. */
      for (guint i = 0; i < problems->len; i++)
        {
          const VigilFieldProblem *problem = problems->pdata[i];
          g_autofree char *identity_path = vigil_walk_member_path (path, "identity");
          g_autofree char *child = NULL;

          if (problem->warning)
            continue;
          child = g_str_equal (problem->field, "is_child")
                    ? vigil_walk_member_path (path, "is_child")
                    : vigil_walk_member_path (identity_path, problem->field);
          vigil_interchange_add_problem (w->problems, child, "%s", problem->message);
        }
      if (w->problems->len > before)
        {
          g_clear_pointer (&identity, vigil_identity_free);
          return;
        }
    }

  entry = g_new0 (VigilPlanPerson, 1);
  entry->path = g_strdup (path);
  entry->person = g_steal_pointer (&person);
  entry->identity = identity;
  entry->consents = g_steal_pointer (&consents);
  entry->risks = g_steal_pointer (&risks);
  g_ptr_array_add (plan->persons, entry);
}

static void
parse_measure (Walk *w, VigilPlanCase *plan, GHashTable *seen, JsonNode *node, const char *path)
{
  g_autoptr (VigilProtectionData) data = vigil_protection_data_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *kind = NULL, *status = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, measure_members);
  JsonNode *index_node;
  VigilPerson *person;
  gboolean ok = TRUE;

  if (object == NULL)
    return;
  person = vigil_interchange_find_person (w, plan, seen, object, path, "person");
  vigil_walk_get_word (w, object, path, "kind", vigil_protection_kinds, _("kind of protection"),
                       &kind);
  vigil_walk_get_word (w, object, path, "status", vigil_protection_statuses,
                       _("status of protection"), &status);
  data->starts_at = vigil_walk_get_time (w, object, path, "starts_at", &ok);
  data->ends_at = vigil_walk_get_time (w, object, path, "ends_at", &ok);
  data->history = parse_history (w, object, path, status);

  index_node = vigil_walk_get_typed (object, "hearing_index", TYPE_INTEGER);
  if (index_node != NULL)
    {
      gint64 index = json_node_get_int (index_node);
      VigilPlanHearing *hearing = NULL;

      if (index >= 0 && index < plan->hearings->len)
        hearing = g_ptr_array_index (plan->hearings, index);
      if (hearing == NULL)
        {
          g_autofree char *child = vigil_walk_member_path (path, "hearing_index");

          vigil_interchange_add_problem (w->problems, child,
                                         _("%" G_GINT64_FORMAT " is not the index of a hearing "
                                           "of this case (it has %u, counted from 0)"),
                                         index, plan->hearings->len);
        }
      else if (hearing->hearing != NULL)
        data->hearing_id = g_strdup (vigil_hearing_get_id (hearing->hearing));
    }
  if (w->problems->len > before)
    return;

  /* A person who had problems of their own is not here, but the measure's
   * own rules are still checked. */
  data->case_id = g_strdup (vigil_case_get_id (plan->kase));
  data->person_id = person != NULL ? g_strdup (vigil_person_get_id (person)) : NULL;
  data->kind = g_strdup (kind);
  data->status = g_strdup (status);
  data->responsible = g_strdup (vigil_walk_get_string (object, "responsible"));
  data->details = g_strdup (vigil_walk_get_string (object, "details"));
  if (!vigil_protection_data_validate (data, &field, &error))
    {
      vigil_walk_record_problem (w, path, field, error);
      return;
    }
  if (person != NULL)
    g_ptr_array_add (plan->measures, g_steal_pointer (&data));
}

static gboolean
get_amount (Walk *w, JsonObject *object, const char *name, gint64 *out)
{
  JsonNode *node = vigil_walk_get_typed (object, name, TYPE_INTEGER);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static VigilClaimItemData *
parse_item (Walk *w, JsonNode *node, const char *path)
{
  g_autoptr (VigilClaimItemData) item = vigil_claim_item_data_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *head = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, item_members);

  if (object == NULL)
    return NULL;
  vigil_walk_get_word (w, object, path, "head", vigil_claim_heads, _("head of damage"), &head);
  if (w->problems->len > before)
    return NULL;

  /* Its id now, so that a payment can name the item it pays. */
  item->id = vigil_uuid_new ();
  item->head = g_strdup (head);
  get_amount (w, object, "claimed_minor", &item->claimed_minor);
  item->has_awarded = get_amount (w, object, "awarded_minor", &item->awarded_minor);
  item->has_paid = get_amount (w, object, "paid_minor", &item->paid_minor);
  item->evidence = g_strdup (vigil_walk_get_string (object, "evidence"));
  if (!vigil_claim_item_data_validate (item, &field, &error))
    {
      vigil_walk_record_problem (w, path, field, error);
      return NULL;
    }
  return g_steal_pointer (&item);
}

static void
parse_claim (Walk *w, VigilPlanCase *plan, GHashTable *seen, JsonNode *node, const char *path)
{
  g_autoptr (VigilClaimData) data = vigil_claim_data_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *route = NULL, *status = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, claim_members);
  g_autofree char *list_path = vigil_walk_member_path (path, "items");
  JsonArray *items;
  VigilPerson *claimant;
  gboolean fields_ok;

  if (object == NULL)
    return;
  claimant = vigil_interchange_find_person (w, plan, seen, object, path, "claimant");
  vigil_walk_get_word (w, object, path, "route", vigil_claim_routes, _("route"), &route);
  vigil_walk_get_word (w, object, path, "status", vigil_claim_statuses, _("status of a claim"),
                       &status);
  fields_ok = w->problems->len == before;
  if (fields_ok)
    {
      data->case_id = g_strdup (vigil_case_get_id (plan->kase));
      data->claimant_id = claimant != NULL ? g_strdup (vigil_person_get_id (claimant)) : NULL;
      data->route = g_strdup (route);
      data->status = g_strdup (status);
      data->currency = g_strdup (vigil_walk_get_string (object, "currency"));
      data->filed_at = g_strdup (vigil_walk_get_string (object, "filed_at"));
      data->deadline = g_strdup (vigil_walk_get_string (object, "deadline"));
      data->assets = g_strdup (vigil_walk_get_string (object, "assets"));
      data->notes = g_strdup (vigil_walk_get_string (object, "notes"));
      if (!vigil_claim_data_validate (data, &field, &error))
        vigil_walk_record_problem (w, path, field, error);
    }

  /* The items are checked whatever the claim's own fields held. */
  items = vigil_walk_get_array (object, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autofree char *child = vigil_walk_index_path (list_path, i);
      VigilClaimItemData *item = parse_item (w, json_array_get_element (items, i), child);

      if (item != NULL)
        g_ptr_array_add (data->items, item);
    }
  vigil_interchange_parse_claim_parts (w, plan, data, object, path);
  if (w->problems->len > before || claimant == NULL)
    return;
  g_ptr_array_add (plan->claims, g_steal_pointer (&data));
}

typedef void (*ParsePart) (Walk          *w,
                           VigilPlanCase *plan,
                           GHashTable    *seen,
                           JsonNode      *node,
                           const char    *path);

static void
parse_list (Walk          *w,
            VigilPlanCase *plan,
            GHashTable    *seen,
            JsonObject    *object,
            const char    *name,
            ParsePart      parse)
{
  JsonArray *array = vigil_walk_get_array (object, name);
  g_autofree char *list_path = vigil_walk_member_path (plan->path, name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *child = vigil_walk_index_path (list_path, i);

      parse (w, plan, seen, json_array_get_element (array, i), child);
    }
}

static void
parse_person_part (Walk *w, VigilPlanCase *plan, GHashTable *seen, JsonNode *node, const char *path)
{
  parse_person (w, plan, node, path, seen);
}

static void
parse_hearing_part (Walk *w, VigilPlanCase *plan, GHashTable *seen, JsonNode *node,
                    const char *path)
{
  vigil_interchange_parse_hearing (w, plan, seen, node, path);
}

/* Cases are told apart by their id, and by their court and reference. */
typedef struct
{
  GHashTable *ids;        /* id -> path */
  GHashTable *references; /* "court\x1freference" -> path */
} Seen;

static VigilPlanCase *
parse_case (Walk *w, JsonNode *node, const char *path, Seen *cases_seen)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) charges = NULL;
  VigilPlanCase *plan;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, case_members);
  const char *id, *reference, *court;
  int stage = 0, outcome = VIGIL_CASE_OUTCOME_NONE;
  gboolean fields_ok;

  if (object == NULL)
    return NULL;

  plan = vigil_plan_case_new ();
  plan->path = g_strdup (path);
  plan->kase = vigil_case_new ();

  id = vigil_walk_get_string (object, "id");
  if (id != NULL)
    {
      g_autofree char *child = vigil_walk_member_path (path, "id");
      const char *other = g_hash_table_lookup (cases_seen->ids, id);

      if (!vigil_uuid_is_valid (id))
        {
          g_autofree char *quoted = vigil_walk_quote (id);

          vigil_interchange_add_problem (w->problems, child,
                                         _("%s is not a case id (expected a lower-case UUID, "
                                           "or no id at all for a new one)"),
                                         quoted);
        }
      else if (other != NULL)
        vigil_interchange_add_problem (w->problems, child,
                                       _("the same case id is used by %s"), other);
      else
        {
          g_hash_table_insert (cases_seen->ids, g_strdup (id), g_strdup (path));
          vigil_record_set_id (VIGIL_RECORD (plan->kase), id);
          plan->has_id = TRUE;
        }
    }

  reference = vigil_walk_get_string (object, "reference");
  court = vigil_walk_get_string (object, "court");
  if (reference != NULL && court != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s\x1f%s", court, reference);
      const char *other = g_hash_table_lookup (cases_seen->references, key);

      if (other != NULL)
        {
          g_autofree char *child = vigil_walk_member_path (path, "reference");
          g_autofree char *quoted = vigil_walk_quote (reference);

          vigil_interchange_add_problem (w->problems, child,
                                         _("%s of this court is already the reference of %s"),
                                         quoted, other);
        }
      else
        g_hash_table_insert (cases_seen->references, g_steal_pointer (&key), g_strdup (path));
    }

  vigil_walk_get_enum (w, object, path, "stage", VIGIL_TYPE_CASE_STAGE, _("stage"), &stage);
  if (vigil_walk_get_string (object, "outcome") != NULL)
    vigil_walk_get_enum (w, object, path, "outcome", VIGIL_TYPE_CASE_OUTCOME, _("outcome"),
                         &outcome);
  charges = vigil_walk_get_strv (w, object, "charges", path);
  fields_ok = w->problems->len == before;

  if (fields_ok)
    {
      vigil_case_set_reference (plan->kase, reference);
      vigil_case_set_court (plan->kase, court);
      vigil_case_set_jurisdiction (plan->kase, vigil_walk_get_string (object, "jurisdiction"));
      vigil_case_set_stage (plan->kase, stage);
      vigil_case_set_outcome (plan->kase, outcome);
      vigil_case_set_charges (plan->kase, (const char * const *) charges);
      vigil_case_set_convicted_charge (plan->kase,
                                       vigil_walk_get_string (object, "convicted_charge"));
      vigil_case_set_adjourned_sine_die (plan->kase,
                                         vigil_walk_get_boolean (object, "adjourned_sine_die"));
      vigil_case_set_notes (plan->kase, vigil_walk_get_string (object, "notes"));
      if (!vigil_case_validate (plan->kase, &error))
        vigil_walk_record_problem (w, path, NULL, error);
    }

  /* Persons first, then hearings: measures and claims refer to both. */
  parse_list (w, plan, seen, object, "persons", parse_person_part);
  parse_list (w, plan, seen, object, "hearings", parse_hearing_part);
  parse_list (w, plan, seen, object, "protection_measures", parse_measure);
  /* Assets before claims: a claim names the assets that could pay it. */
  parse_list (w, plan, seen, object, "defendant_assets", vigil_interchange_parse_asset);
  parse_list (w, plan, seen, object, "claims", parse_claim);
  vigil_interchange_parse_case_assessment (w, plan, object);
  return plan;
}

/* private API (vigil-interchange-private.h) */

/* The person of the case whose pseudonym is member @name of @object, or
 * NULL with a problem. Persons with problems of their own are not looked
 * for, so they do not cause a second problem here. */
VigilPerson *
vigil_interchange_find_person (Walk          *w,
                               VigilPlanCase *plan,
                               GHashTable    *seen,
                               JsonObject    *object,
                               const char    *path,
                               const char    *name)
{
  const char *pseudonym = vigil_walk_get_string (object, name);
  g_autofree char *child = NULL;
  g_autofree char *quoted = NULL;

  if (pseudonym == NULL)
    return NULL;
  for (guint i = 0; i < plan->persons->len; i++)
    {
      VigilPlanPerson *entry = g_ptr_array_index (plan->persons, i);

      if (g_str_equal (vigil_person_get_pseudonym (entry->person), pseudonym))
        return entry->person;
    }
  if (g_hash_table_contains (seen, pseudonym))
    return NULL;
  child = vigil_walk_member_path (path, name);
  quoted = vigil_walk_quote (pseudonym);
  vigil_interchange_add_problem (w->problems, child,
                                 _("%s is not the pseudonym of a person of this case"), quoted);
  return NULL;
}


void
vigil_interchange_parse (JsonNode *root, GPtrArray *cases, GPtrArray *problems)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) references =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Seen seen = { ids, references };
  Walk walk = { problems };
  Walk *w = &walk;
  JsonObject *object;
  JsonNode *version;
  JsonArray *array;
  const char *format;
  gboolean exported_ok = TRUE;
  g_autoptr (GDateTime) exported_at = NULL;

  object = vigil_walk_check_object (w, "$", root, document_members);
  if (object == NULL)
    return;

  /* Without the right format and version, nothing else can be judged. */
  format = vigil_walk_get_string (object, "format");
  if (format != NULL && !g_str_equal (format, VIGIL_INTERCHANGE_FORMAT))
    {
      g_autofree char *quoted = vigil_walk_quote (format);

      vigil_interchange_add_problem (problems, "$.format",
                                     _("%s is not a Vigil interchange file (expected \"%s\")"),
                                     quoted, VIGIL_INTERCHANGE_FORMAT);
      return;
    }
  version = vigil_walk_get_typed (object, "version", TYPE_INTEGER);
  if (version != NULL && json_node_get_int (version) != VIGIL_INTERCHANGE_VERSION)
    {
      gint64 number = json_node_get_int (version);

      if (number > VIGIL_INTERCHANGE_VERSION)
        vigil_interchange_add_problem (problems, "$.version",
                                       _("version %" G_GINT64_FORMAT " was written by a newer "
                                         "Vigil; this one reads version %d. Update Vigil."),
                                       number, VIGIL_INTERCHANGE_VERSION);
      else
        vigil_interchange_add_problem (problems, "$.version",
                                       _("%" G_GINT64_FORMAT " is not a version of the format "
                                         "(expected %d)"),
                                       number, VIGIL_INTERCHANGE_VERSION);
      return;
    }
  if (format == NULL || version == NULL)
    return;

  exported_at = vigil_walk_get_time (w, object, "$", "exported_at", &exported_ok);

  array = vigil_walk_get_array (object, "cases");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = vigil_walk_index_path ("$.cases", i);
      VigilPlanCase *plan = parse_case (w, json_array_get_element (array, i), path, &seen);

      if (plan != NULL)
        g_ptr_array_add (cases, plan);
    }
}
