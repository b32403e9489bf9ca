/* vigil-interchange-export.c: a vault as an interchange document
 *
 * Keys are written in one fixed order and cases by reference, so two
 * exports of the same vault are the same bytes but for "exported_at".
 *
 * Without identities, the document carries pseudonyms only. What is sealed
 * under a person's key (identity, notes about them, the details of their
 * protection, their claims' assets and evidence) stays behind; the
 * case-level text (notes, reasons for adjournment, observation entries,
 * the reasons of assessments, interpreter languages) goes only when it
 * names none of the persons of its case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigil-json-private.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-file.h"
#include "vigil-interchange-private.h"
#include "vigil-store-claim-records.h"

typedef struct
{
  VigilStore             *store;
  gboolean                identities;
  VigilIdentifierDetector *identifiers; /* of the current case, without identities */
  VigilInterchangeCounts *counts;
  GPtrArray              *secrets;     /* JsonNode: the identities in the tree */
} Export;

/* private helpers */

static void
add_amount (JsonBuilder *builder, const char *name, gboolean has, gint64 value)
{
  json_builder_set_member_name (builder, name);
  if (has)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Case-level text: as it is with identities; without, only when it names
 * nobody of the case. */
static void
add_case_text (Export *e, JsonBuilder *builder, const char *name, const char *text)
{
  if (text != NULL && !e->identities && vigil_identifier_detector_finds (e->identifiers, text))
    {
      e->counts->notes_withheld++;
      text = NULL;
    }
  vigil_json_add_string (builder, name, text);
}

/* Text sealed under a person's key: only with identities. */
static void
add_person_text (Export *e, JsonBuilder *builder, const char *name, const char *text)
{
  vigil_json_add_string (builder, name, e->identities ? text : NULL);
}

/* The identity is built as a tree of its own, kept in e->secrets as well
 * as in the document: an export that fails half way frees the builder's
 * unfinished document, which no one can reach to wipe, and its identities
 * are wiped through e->secrets first. */
static void
add_identity (Export *e, JsonBuilder *builder, const VigilIdentity *identity)
{
  g_autoptr (JsonBuilder) own = NULL;
  JsonNode *node;

  json_builder_set_member_name (builder, "identity");
  if (identity == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  own = json_builder_new_immutable ();
  json_builder_begin_object (own);
  vigil_json_add_string (own, "full_name", identity->full_name);
  vigil_json_add_strv (own, "aliases", (const char * const *) identity->aliases);
  vigil_json_add_string (own, "date_of_birth", identity->date_of_birth);
  vigil_json_add_string (own, "nationality", identity->nationality);
  vigil_json_add_strv (own, "languages", (const char * const *) identity->languages);
  vigil_json_add_string (own, "phone", identity->phone);
  vigil_json_add_string (own, "address", identity->address);
  json_builder_end_object (own);
  node = json_builder_get_root (own);
  g_ptr_array_add (e->secrets, json_node_ref (node));
  json_builder_add_value (builder, node);
}

static gboolean
add_consents (Export *e, JsonBuilder *builder, VigilPerson *person, GError **error)
{
  g_autoptr (GPtrArray) consents =
    vigil_store_list_consents (e->store, vigil_person_get_id (person), error);

  if (consents == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "consents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < consents->len; i++)
    {
      VigilConsent *consent = g_ptr_array_index (consents, i);

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "kind",
                  vigil_enum_to_nick (VIGIL_TYPE_CONSENT_KIND, vigil_consent_get_kind (consent)));
      vigil_json_add_string (builder, "shared_with", vigil_consent_get_shared_with (consent));
      vigil_json_add_time (builder, "given_at", vigil_consent_get_given_at (consent));
      vigil_json_add_time (builder, "withdrawn_at", vigil_consent_get_withdrawn_at (consent));
      json_builder_end_object (builder);
      e->counts->consents++;
    }
  json_builder_end_array (builder);
  return TRUE;
}

static const char *
pseudonym_of (GPtrArray *persons, const char *person_id)
{
  for (guint i = 0; i < persons->len; i++)
    if (g_str_equal (vigil_person_get_id (g_ptr_array_index (persons, i)), person_id))
      return vigil_person_get_pseudonym (g_ptr_array_index (persons, i));
  return NULL;
}

/* The protection keys are left out when there is nothing to say, so a
 * vault from before them exports as it did. */
static void
add_risks (Export *e, JsonBuilder *builder, VigilPerson *person, GPtrArray *risks)
{
  gboolean any = FALSE;

  for (guint i = 0; i < risks->len; i++)
    {
      VigilRiskAssessmentData *risk = g_ptr_array_index (risks, i);
      g_auto (GStrv) factors = NULL;

      if (!g_str_equal (risk->person_id, vigil_person_get_id (person)))
        continue;
      if (!any)
        {
          json_builder_set_member_name (builder, "risk_assessments");
          json_builder_begin_array (builder);
          any = TRUE;
        }
      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "level", risk->level);
      json_builder_set_member_name (builder, "factors");
      if (e->identities)
        {
          factors = vigil_risk_assessment_data_get_factors (risk);
          json_builder_begin_array (builder);
          for (guint f = 0; factors[f] != NULL; f++)
            json_builder_add_string_value (builder, factors[f]);
          json_builder_end_array (builder);
        }
      else
        json_builder_add_null_value (builder);
      add_person_text (e, builder, "assessor", risk->assessor);
      vigil_json_add_time (builder, "assessed_at", risk->assessed_at);
      vigil_json_add_string (builder, "review_on", risk->review_on);
      json_builder_end_object (builder);
    }
  if (any)
    json_builder_end_array (builder);
}

static gboolean
add_persons (Export *e, JsonBuilder *builder, GPtrArray *persons, GError **error)
{
  g_autoptr (GPtrArray) risks = NULL;

  if (persons->len > 0)
    {
      risks = vigil_store_list_risk_assessments (e->store,
                                                 vigil_person_get_case_id (persons->pdata[0]),
                                                 error);
      if (risks == NULL)
        return FALSE;
    }

  json_builder_set_member_name (builder, "persons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < persons->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (persons, i);

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "pseudonym", vigil_person_get_pseudonym (person));
      vigil_json_add_string (builder, "role",
                  vigil_enum_to_nick (VIGIL_TYPE_PERSON_ROLE, vigil_person_get_role (person)));
      vigil_json_add_boolean (builder, "is_child", vigil_person_get_is_child (person));
      add_person_text (e, builder, "notes", vigil_person_get_notes (person));
      if (vigil_person_get_identified_on (person) != NULL)
        vigil_json_add_string (builder, "identified_on", vigil_person_get_identified_on (person));
      add_risks (e, builder, person, risks);
      if (e->identities)
        {
          /* Loading writes the "reveal" audit entry: the export is on record. */
          g_autoptr (VigilIdentity) identity = vigil_store_load_identity (e->store, person, error);

          if (identity == NULL && error != NULL && *error != NULL)
            return FALSE;
          add_identity (e, builder, identity);
          if (identity != NULL)
            e->counts->identities++;
          if (!add_consents (e, builder, person, error))
            return FALSE;
        }
      json_builder_end_object (builder);
      e->counts->persons++;
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* The fixed sentence that stands for a reason an export without identities
 * may not carry: a grade other than the suggested one needs a reason to be
 * imported again. */
#define WITHHELD_REASON \
  N_("The reason for this grade named a person of the case and was left out of this export.")

static gboolean
add_assessment (Export      *e,
                JsonBuilder *builder,
                const char  *case_id,
                const char  *hearing_id,
                GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (VigilAssessmentData) data =
    vigil_store_get_assessment (e->store, case_id, hearing_id, &local);
  const char *reason;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  json_builder_set_member_name (builder, "assessment");
  if (data == NULL)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }
  reason = data->reason;
  if (reason != NULL && !e->identities && vigil_identifier_detector_finds (e->identifiers, reason))
    {
      e->counts->notes_withheld++;
      reason = vigil_assessment_data_is_override (data) ? _(WITHHELD_REASON) : NULL;
    }
  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "grade", vigil_enum_to_nick (VIGIL_TYPE_GRADE, data->grade));
  vigil_json_add_string (builder, "suggested", vigil_enum_to_nick (VIGIL_TYPE_GRADE, data->suggested));
  add_amount (builder, "score", TRUE, data->score);
  vigil_json_add_string (builder, "reason", reason);
  vigil_json_add_time (builder, "decided_at", data->decided_at);
  vigil_json_add_string (builder, "monitor", data->monitor);
  vigil_json_add_string (builder, "catalogue_version", data->catalogue_version);
  json_builder_end_object (builder);
  e->counts->assessments++;
  return TRUE;
}

static void
add_facts (Export *e, JsonBuilder *builder, VigilHearing *hearing)
{
  const char * const *languages = vigil_hearing_get_interpreter_languages (hearing);
  gboolean withhold = FALSE;

  /* The languages are sealed case-level text: they go under the rule of
   * notes, all of them or none. */
  for (guint i = 0; !e->identities && languages[i] != NULL; i++)
    withhold |= vigil_identifier_detector_finds (e->identifiers, languages[i]);
  if (withhold)
    e->counts->notes_withheld++;

  json_builder_set_member_name (builder, "facts");
  json_builder_begin_object (builder);
  vigil_json_add_boolean (builder, "media_present", vigil_hearing_get_media_present (hearing));
  vigil_json_add_boolean (builder, "interpreter_present", vigil_hearing_get_interpreter_present (hearing));
  vigil_json_add_strv (builder, "interpreter_languages", withhold ? NULL : languages);
  vigil_json_add_boolean (builder, "foreign_victim", vigil_hearing_get_foreign_victim (hearing));
  vigil_json_add_boolean (builder, "interpretation_needed",
               vigil_hearing_get_interpretation_needed (hearing));
  vigil_json_add_boolean (builder, "compensation_route_open",
               vigil_hearing_get_compensation_route_open (hearing));
  vigil_json_add_boolean (builder, "victim_prosecuted", vigil_hearing_get_victim_prosecuted (hearing));
  vigil_json_add_boolean (builder, "adjourned_sine_die", vigil_hearing_get_adjourned_sine_die (hearing));
  vigil_json_add_string (builder, "outcome",
              vigil_enum_to_nick (VIGIL_TYPE_CASE_OUTCOME, vigil_hearing_get_outcome (hearing)));
  vigil_json_add_string (builder, "convicted_charge", vigil_hearing_get_convicted_charge (hearing));
  json_builder_end_object (builder);
}

static void
add_attendance (Export *e, JsonBuilder *builder, VigilHearing *hearing)
{
  json_builder_set_member_name (builder, "attendance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vigil_hearing_get_n_attendees (hearing); i++)
    {
      const VigilAttendee *attendee = vigil_hearing_get_attendee (hearing, i);

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "person", attendee->pseudonym);
      vigil_json_add_boolean (builder, "testified", attendee->testified);
      json_builder_end_object (builder);
      e->counts->attendees++;
    }
  json_builder_end_array (builder);
}

static void
add_observation (Export *e, JsonBuilder *builder, VigilObservationData *data)
{
  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "standard", data->standard_id);
  vigil_json_add_string (builder, "status", data->status);
  vigil_json_add_string (builder, "severity", data->severity);
  vigil_json_add_string (builder, "catalogue_version", data->catalogue_version);
  vigil_json_add_string (builder, "monitor", data->monitor);
  add_case_text (e, builder, "notes", data->notes);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->entries->len; i++)
    {
      VigilObservationNote *note = g_ptr_array_index (data->entries, i);

      /* An entry is its text: one that names a person stays behind whole
       * (an entry without text cannot be imported). */
      if (!e->identities && vigil_identifier_detector_finds (e->identifiers, note->text))
        {
          e->counts->notes_withheld++;
          continue;
        }
      json_builder_begin_object (builder);
      vigil_json_add_time (builder, "noted_at", note->noted_at);
      vigil_json_add_string (builder, "monitor", note->monitor);
      vigil_json_add_string (builder, "text", note->text);
      json_builder_end_object (builder);
      e->counts->observation_entries++;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  e->counts->observations++;
}

static void
add_moves (JsonBuilder *builder, VigilHearing *hearing, GPtrArray *moves)
{
  gboolean any = FALSE;

  for (guint i = 0; moves != NULL && i < moves->len; i++)
    {
      VigilHearingMove *move = g_ptr_array_index (moves, i);

      if (!g_str_equal (move->hearing_id, vigil_hearing_get_id (hearing)))
        continue;
      if (!any)
        {
          json_builder_set_member_name (builder, "moves");
          json_builder_begin_array (builder);
          any = TRUE;
        }
      json_builder_begin_object (builder);
      vigil_json_add_time (builder, "from", move->old_starts_at);
      vigil_json_add_time (builder, "to", move->new_starts_at);
      vigil_json_add_time (builder, "moved_at", move->moved_at);
      vigil_json_add_string (builder, "monitor", move->monitor);
      json_builder_end_object (builder);
    }
  if (any)
    json_builder_end_array (builder);
}

static gboolean
add_hearings (Export *e, JsonBuilder *builder, GPtrArray *hearings, GError **error)
{
  g_autoptr (GPtrArray) moves = NULL;

  if (hearings->len > 0)
    {
      moves = vigil_store_list_hearing_moves (e->store,
                                              vigil_hearing_get_case_id (hearings->pdata[0]),
                                              error);
      if (moves == NULL)
        return FALSE;
    }
  json_builder_set_member_name (builder, "hearings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hearings->len; i++)
    {
      VigilHearing *hearing = g_ptr_array_index (hearings, i);
      g_autoptr (GPtrArray) observations =
        vigil_store_list_observations (e->store, vigil_hearing_get_id (hearing), error);

      if (observations == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      vigil_json_add_time (builder, "starts_at", vigil_hearing_get_starts_at (hearing));
      vigil_json_add_string (builder, "room", vigil_hearing_get_room (hearing));
      vigil_json_add_string (builder, "kind",
                  vigil_enum_to_nick (VIGIL_TYPE_HEARING_KIND, vigil_hearing_get_kind (hearing)));
      vigil_json_add_string (builder, "status",
                  vigil_enum_to_nick (VIGIL_TYPE_HEARING_STATUS,
                                      vigil_hearing_get_status (hearing)));
      vigil_json_add_boolean (builder, "closed_session", vigil_hearing_get_closed_session (hearing));
      add_case_text (e, builder, "adjournment_reason",
                     vigil_hearing_get_adjournment_reason (hearing));
      add_case_text (e, builder, "notes", vigil_hearing_get_notes (hearing));
      add_facts (e, builder, hearing);
      add_attendance (e, builder, hearing);

      json_builder_set_member_name (builder, "observations");
      json_builder_begin_array (builder);
      for (guint o = 0; o < observations->len; o++)
        add_observation (e, builder, g_ptr_array_index (observations, o));
      json_builder_end_array (builder);
      if (!add_assessment (e, builder, vigil_hearing_get_case_id (hearing),
                           vigil_hearing_get_id (hearing), error))
        return FALSE;
      add_moves (builder, hearing, moves);
      json_builder_end_object (builder);
      e->counts->hearings++;
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
add_measures (Export      *e,
              JsonBuilder *builder,
              const char  *case_id,
              GPtrArray   *persons,
              GPtrArray   *hearings,
              GError     **error)
{
  g_autoptr (GPtrArray) measures = vigil_store_list_protection_measures (e->store, case_id, error);

  if (measures == NULL
      || !vigil_store_load_protection_history (e->store, case_id, measures, error))
    return FALSE;
  json_builder_set_member_name (builder, "protection_measures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < measures->len; i++)
    {
      VigilProtectionData *data = g_ptr_array_index (measures, i);
      gint64 index = -1;

      for (guint h = 0; data->hearing_id != NULL && h < hearings->len; h++)
        if (g_str_equal (vigil_hearing_get_id (g_ptr_array_index (hearings, h)),
                         data->hearing_id))
          index = h;

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "person", pseudonym_of (persons, data->person_id));
      add_amount (builder, "hearing_index", index >= 0, index);
      vigil_json_add_string (builder, "kind", data->kind);
      vigil_json_add_string (builder, "status", data->status);
      vigil_json_add_time (builder, "starts_at", data->starts_at);
      vigil_json_add_time (builder, "ends_at", data->ends_at);
      add_person_text (e, builder, "responsible", data->responsible);
      add_person_text (e, builder, "details", data->details);
      if (data->history != NULL && data->history->len > 0)
        {
          json_builder_set_member_name (builder, "history");
          json_builder_begin_array (builder);
          for (guint c = 0; c < data->history->len; c++)
            {
              VigilProtectionStatusChange *change = g_ptr_array_index (data->history, c);

              json_builder_begin_object (builder);
              vigil_json_add_string (builder, "status", change->status);
              vigil_json_add_time (builder, "at", change->changed_at);
              vigil_json_add_string (builder, "monitor", change->monitor);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
      e->counts->protection_measures++;
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* What an older file's paid_minor became: a payment with no date nor
 * payer, against an item. It is written back the same way. */
static gboolean
is_item_paid_form (const VigilClaimPayment *payment)
{
  return payment->paid_on == NULL && payment->item_id != NULL
         && g_str_equal (payment->payer, "other");
}

static void
add_item_paid (JsonBuilder *builder, const VigilClaimData *claim, const VigilClaimItemData *item)
{
  gboolean has = FALSE;
  gint64 sum = 0;

  for (guint i = 0; i < claim->payments->len; i++)
    {
      const VigilClaimPayment *payment = g_ptr_array_index (claim->payments, i);

      if (is_item_paid_form (payment) && g_str_equal (payment->item_id, item->id))
        {
          has = TRUE;
          /* Each is at most 10^15, and a claim has far fewer than 9,000. */
          sum += payment->amount_minor;
        }
    }
  add_amount (builder, "paid_minor", has, sum);
}

static int
index_of_item (const VigilClaimData *claim, const char *item_id)
{
  for (guint i = 0; item_id != NULL && i < claim->items->len; i++)
    if (g_str_equal (((VigilClaimItemData *) g_ptr_array_index (claim->items, i))->id, item_id))
      return i;
  return -1;
}

/* The claim's lists that files before them did not have: each written
 * only when it holds something, so that such claims export as before. */
static void
add_claim_parts (JsonBuilder *builder, const VigilClaimData *claim, GPtrArray *assets)
{
  guint n_payments = 0;

  if (claim->history->len > 0)
    {
      json_builder_set_member_name (builder, "status_history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < claim->history->len; i++)
        {
          const VigilClaimStatusChange *change = g_ptr_array_index (claim->history, i);

          json_builder_begin_object (builder);
          vigil_json_add_string (builder, "status", change->status);
          vigil_json_add_string (builder, "changed_on", change->changed_on);
          vigil_json_add_string (builder, "changed_by", change->changed_by);
          vigil_json_add_string (builder, "reason", change->reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (claim->deadlines->len > 0)
    {
      json_builder_set_member_name (builder, "deadlines");
      json_builder_begin_array (builder);
      for (guint i = 0; i < claim->deadlines->len; i++)
        {
          const VigilClaimDeadline *deadline = g_ptr_array_index (claim->deadlines, i);

          json_builder_begin_object (builder);
          vigil_json_add_string (builder, "kind", deadline->kind);
          vigil_json_add_string (builder, "due_on", deadline->due_on);
          vigil_json_add_boolean (builder, "done", deadline->done);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  for (guint i = 0; i < claim->payments->len; i++)
    n_payments += !is_item_paid_form (g_ptr_array_index (claim->payments, i));
  if (n_payments > 0)
    {
      json_builder_set_member_name (builder, "payments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < claim->payments->len; i++)
        {
          const VigilClaimPayment *payment = g_ptr_array_index (claim->payments, i);
          int index = index_of_item (claim, payment->item_id);

          if (is_item_paid_form (payment))
            continue;
          json_builder_begin_object (builder);
          vigil_json_add_string (builder, "paid_on", payment->paid_on);
          add_amount (builder, "amount_minor", TRUE, payment->amount_minor);
          vigil_json_add_string (builder, "payer", payment->payer);
          add_amount (builder, "item_index", index >= 0, index);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (claim->asset_links->len > 0)
    {
      json_builder_set_member_name (builder, "asset_indexes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < claim->asset_links->len; i++)
        {
          const VigilClaimAssetLink *link = g_ptr_array_index (claim->asset_links, i);

          for (guint a = 0; a < assets->len; a++)
            if (g_str_equal (((VigilDefendantAsset *) g_ptr_array_index (assets, a))->id,
                             link->asset_id))
              json_builder_add_int_value (builder, a);
        }
      json_builder_end_array (builder);
    }
}

/* Written only when the case has any, like the claim's lists above. */
static void
add_assets (Export *e, JsonBuilder *builder, GPtrArray *assets, GPtrArray *persons)
{
  if (assets->len == 0)
    return;
  json_builder_set_member_name (builder, "defendant_assets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < assets->len; i++)
    {
      const VigilDefendantAsset *asset = g_ptr_array_index (assets, i);

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "defendant", pseudonym_of (persons, asset->defendant_id));
      vigil_json_add_string (builder, "kind", asset->kind);
      add_amount (builder, "estimated_minor", asset->has_estimate, asset->estimated_minor);
      vigil_json_add_string (builder, "currency", asset->currency);
      vigil_json_add_string (builder, "state", asset->state);
      add_person_text (e, builder, "description", asset->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static gboolean
add_claims (Export      *e,
            JsonBuilder *builder,
            const char  *case_id,
            GPtrArray   *persons,
            GError     **error)
{
  g_autoptr (GPtrArray) claims = vigil_store_list_claims (e->store, case_id, error);
  g_autoptr (GPtrArray) assets = NULL;

  if (claims == NULL)
    return FALSE;
  assets = vigil_store_list_defendant_assets (e->store, case_id, error);
  if (assets == NULL)
    return FALSE;
  add_assets (e, builder, assets, persons);
  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claims->len; i++)
    {
      VigilClaimData *claim = g_ptr_array_index (claims, i);

      json_builder_begin_object (builder);
      vigil_json_add_string (builder, "claimant", pseudonym_of (persons, claim->claimant_id));
      vigil_json_add_string (builder, "route", claim->route);
      vigil_json_add_string (builder, "status", claim->status);
      vigil_json_add_string (builder, "currency", claim->currency);
      vigil_json_add_string (builder, "filed_at", claim->filed_at);
      vigil_json_add_string (builder, "deadline", claim->deadline);
      add_person_text (e, builder, "assets", claim->assets);
      add_person_text (e, builder, "notes", claim->notes);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint t = 0; t < claim->items->len; t++)
        {
          VigilClaimItemData *item = g_ptr_array_index (claim->items, t);

          json_builder_begin_object (builder);
          vigil_json_add_string (builder, "head", item->head);
          add_amount (builder, "claimed_minor", TRUE, item->claimed_minor);
          add_amount (builder, "awarded_minor", item->has_awarded, item->awarded_minor);
          add_item_paid (builder, claim, item);
          add_person_text (e, builder, "evidence", item->evidence);
          json_builder_end_object (builder);
          e->counts->claim_items++;
        }
      json_builder_end_array (builder);
      add_claim_parts (builder, claim, assets);
      json_builder_end_object (builder);
      e->counts->claims++;
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
add_case (Export *e, JsonBuilder *builder, const char *case_id, GError **error)
{
  g_autoptr (VigilCase) kase = vigil_store_get_case (e->store, case_id, error);
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  g_autoptr (VigilIdentifierDetector) identifiers = NULL;

  if (kase == NULL)
    return FALSE;
  persons = vigil_store_list_persons (e->store, case_id, error);
  if (persons == NULL)
    return FALSE;
  hearings = vigil_store_list_hearings (e->store, case_id, error);
  if (hearings == NULL)
    return FALSE;
  if (!e->identities)
    {
      identifiers = vigil_store_case_identifiers (e->store, case_id, error);
      if (identifiers == NULL)
        return FALSE;
    }
  e->identifiers = identifiers;

  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "id", vigil_case_get_id (kase));
  vigil_json_add_string (builder, "reference", vigil_case_get_reference (kase));
  vigil_json_add_string (builder, "court", vigil_case_get_court (kase));
  vigil_json_add_string (builder, "jurisdiction", vigil_case_get_jurisdiction (kase));
  vigil_json_add_string (builder, "stage",
              vigil_enum_to_nick (VIGIL_TYPE_CASE_STAGE, vigil_case_get_stage (kase)));
  vigil_json_add_string (builder, "outcome",
              vigil_enum_to_nick (VIGIL_TYPE_CASE_OUTCOME, vigil_case_get_outcome (kase)));
  vigil_json_add_strv (builder, "charges", vigil_case_get_charges (kase));
  vigil_json_add_string (builder, "convicted_charge", vigil_case_get_convicted_charge (kase));
  vigil_json_add_boolean (builder, "adjourned_sine_die", vigil_case_get_adjourned_sine_die (kase));
  add_case_text (e, builder, "notes", vigil_case_get_notes (kase));
  if (!add_persons (e, builder, persons, error) || !add_hearings (e, builder, hearings, error)
      || !add_measures (e, builder, case_id, persons, hearings, error)
      || !add_claims (e, builder, case_id, persons, error)
      || !add_assessment (e, builder, case_id, NULL, error))
    {
      e->identifiers = NULL;
      return FALSE;
    }
  json_builder_end_object (builder);
  e->identifiers = NULL;
  e->counts->cases++;
  return TRUE;
}

/* public API */

/**
 * vigil_interchange_export_node:
 * @out_counts: (out caller-allocates) (optional): what was written
 *
 * Returns: (transfer full): the document, or NULL with the store's error
 */
JsonNode *
vigil_interchange_export_node (VigilStore             *store,
                               VigilExportFlags        flags,
                               VigilInterchangeCounts *out_counts,
                               GError                **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) secrets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  VigilInterchangeCounts counts = { 0 };
  Export e = { store, (flags & VIGIL_EXPORT_IDENTITIES) != 0, NULL, &counts, secrets };

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cases = vigil_store_list_cases (store, error);
  if (cases == NULL)
    return NULL;

  json_builder_begin_object (builder);
  vigil_json_add_string (builder, "format", VIGIL_INTERCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, VIGIL_INTERCHANGE_VERSION);
  vigil_json_add_time (builder, "exported_at", now);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cases->len; i++)
    if (!add_case (&e, builder, vigil_case_get_id (g_ptr_array_index (cases, i)), error))
      {
        for (guint s = 0; s < secrets->len; s++)
          vigil_json_wipe_node (g_ptr_array_index (secrets, s));
        return NULL;
      }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (out_counts != NULL)
    *out_counts = counts;
  return json_builder_get_root (builder);
}

/**
 * vigil_interchange_export_file:
 *
 * Returns: TRUE when @path holds the whole export; FALSE with
 *   VIGIL_ERROR_IO (the disk refused), VIGIL_ERROR_INVALID (@path is a link,
 *   a device or a folder) or the store's error, and @path as it was before
 */
gboolean
vigil_interchange_export_file (VigilStore             *store,
                               const char             *path,
                               VigilExportFlags        flags,
                               VigilInterchangeCounts *out_counts,
                               GError                **error)
{
  g_autoptr (VigilSecretJsonNode) root = NULL;
  g_autoptr (VigilJsonText) text = NULL;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The rename would replace a link or a device node itself, not write
   * where it points: /dev/stdout would become a file of identities. */
  if (!vigil_file_check_target (path, error))
    return FALSE;

  /* The identities of an export with them are in three places while it
   * is written: the VigilIdentity each was opened into (wiped by
   * vigil_identity_free() as each person is done), the document tree (its
   * texts wiped when root is freed, VigilSecretJsonNode) and the
   * generated text (written into a buffer that never grew, wiped when
   * freed, VigilJsonText). The tree goes as soon as the text is made. */
  root = vigil_interchange_export_node (store, flags, out_counts, error);
  if (root == NULL)
    return FALSE;
  text = vigil_json_text_new (root, TRUE);
  g_clear_pointer (&root, vigil_json_wipe_unref_node);

  /* A temporary file of mode 0600 beside @path, written, flushed to disk
   * and renamed over it (vigil-file.h). */
  ok = vigil_file_write_atomic (path, text->data, text->length, error);
  g_clear_pointer (&text, vigil_json_text_free);
  return ok;
}
