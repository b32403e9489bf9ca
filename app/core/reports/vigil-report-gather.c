/* vigil-report-gather.c: reading the cases of a report, keeping only what
 * it may say
 *
 * This is where the anonymization happens. What leaves this file is
 * counts, enums, dates, labels the options chose ("Case B", a region),
 * and note texts that were:
 *   - about no one who withheld or withdrew the anonymous_quote consent: a
 *     note concerns the persons it names (by identifier or pseudonym) and
 *     the victims who attended its hearing; if any of them but a
 *     defendant has not consented, it is left out and only counted;
 *   - scrubbed: every identifier the vault knows replaced by the pseudonym
 *     of whom it names, case references by the report's labels, court
 *     names by the level of the courts option;
 *   - screened again after scrubbing, and left out if anything is still
 *     found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-identifier-detector.h"
#include "vigil-record-rules.h"
#include "vigil-report-private.h"
#include "vigil-store-claims.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-store-protection.h"
#include "vigil-text.h"

/* A case in scope, before it has its label. */
typedef struct
{
  VigilCase *kase;
  GPtrArray *hearings;      /* VigilHearing in scope */
  GDateTime *first_hearing; /* of all its hearings */
} Selected;

/* What scrubbing needs across the report. */
typedef struct
{
  ReportData              *data;
  VigilStore              *store;
  VigilIdentifierDetector *detector;
  GPtrArray               *replacements; /* pairs: text, replacement */
} Gather;

/* The persons of one case, for the consent rule. */
typedef struct
{
  GHashTable *quotable;  /* person id -> TRUE when anonymous_quote is in force */
  GHashTable *pseudonym; /* pseudonym -> person id */
  GHashTable *victims;   /* person ids of the victims */
  /* Person ids of the defendants: the consent to be quoted is asked of
   * those the trial is meant to protect, not of the accused, whom the
   * report names by pseudonym only. */
  GHashTable *defendants;
} CasePersons;

/* private helpers */

static void
report_case_free (gpointer data)
{
  ReportCase *c = data;

  g_free (c->label);
  g_free (c->court);
  g_free (c->jurisdiction);
  g_free (c->convicted_charge);
  g_clear_pointer (&c->first_hearing, g_date_time_unref);
  g_clear_pointer (&c->verdict, g_date_time_unref);
  g_free (c);
}

static void
report_hearing_free (gpointer data)
{
  ReportHearing *h = data;

  g_clear_pointer (&h->starts_at, g_date_time_unref);
  g_free (h->adjournment_reason);
  g_free (h);
}

static void
report_observation_free (gpointer data)
{
  ReportObservation *o = data;

  g_clear_pointer (&o->quotes, g_ptr_array_unref);
  g_free (o);
}

static void
report_money_free (gpointer data)
{
  ReportMoney *m = data;

  g_free (m->currency);
  g_free (m);
}

static void
selected_free (gpointer data)
{
  Selected *s = data;

  g_object_unref (s->kase);
  g_ptr_array_unref (s->hearings);
  g_clear_pointer (&s->first_hearing, g_date_time_unref);
  g_free (s);
}

static void
case_persons_clear (CasePersons *p)
{
  g_clear_pointer (&p->quotable, g_hash_table_unref);
  g_clear_pointer (&p->pseudonym, g_hash_table_unref);
  g_clear_pointer (&p->victims, g_hash_table_unref);
  g_clear_pointer (&p->defendants, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CasePersons, case_persons_clear)

static char *
day_of (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%d");
}

static gboolean
is_victim (VigilPersonRole role)
{
  return role == VIGIL_PERSON_ROLE_VICTIM || role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
         || role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
}

static gboolean
case_matches (VigilCase *kase, const VigilReportOptions *options)
{
  if (options->scope == VIGIL_REPORT_SCOPE_CASE)
    return g_strcmp0 (vigil_case_get_reference (kase), options->case_ref) == 0
           || g_strcmp0 (vigil_case_get_id (kase), options->case_ref) == 0;
  if (options->court != NULL && g_strcmp0 (vigil_case_get_court (kase), options->court) != 0)
    return FALSE;
  if (options->jurisdiction != NULL
      && g_strcmp0 (vigil_case_get_jurisdiction (kase), options->jurisdiction) != 0)
    return FALSE;
  if (options->stage >= 0 && (int) vigil_case_get_stage (kase) != options->stage)
    return FALSE;
  if (options->charge != NULL)
    {
      const char *const *charges = vigil_case_get_charges (kase);

      if (charges == NULL || !g_strv_contains (charges, options->charge))
        return FALSE;
    }
  return TRUE;
}

static gboolean
hearing_in_period (VigilHearing *hearing, const VigilReportOptions *options)
{
  g_autofree char *day = NULL;

  /* A report is of what was observed: a hearing still to come has no
   * findings, and would stretch the period into the future. */
  if (vigil_hearing_get_status (hearing) == VIGIL_HEARING_STATUS_SCHEDULED)
    return FALSE;
  if (options->scope != VIGIL_REPORT_SCOPE_PERIOD)
    return TRUE;
  day = day_of (vigil_hearing_get_starts_at (hearing));
  return g_strcmp0 (day, options->from) >= 0 && g_strcmp0 (day, options->to) <= 0;
}

static gint
selected_compare (gconstpointer a, gconstpointer b)
{
  const Selected *x = *(Selected **) a, *y = *(Selected **) b;

  if (x->first_hearing != NULL && y->first_hearing != NULL)
    {
      int c = g_date_time_compare (x->first_hearing, y->first_hearing);

      if (c != 0)
        return c;
    }
  else if (x->first_hearing != NULL || y->first_hearing != NULL)
    return x->first_hearing != NULL ? -1 : 1;
  return g_strcmp0 (vigil_case_get_id (x->kase), vigil_case_get_id (y->kase));
}

/* @text with every occurrence of @needle (lower case) replaced, ignoring
 * case; @lower is @text in lower case. */
static char *
replace_all (const char *text, const char *lower, const char *needle, const char *with)
{
  GString *out;
  const char *at;
  gsize done = 0;

  /* Lower-casing can change lengths outside ASCII; only replace when it
   * did not, so that places in @lower are places in @text. */
  if (*needle == '\0' || strlen (lower) != strlen (text) || strstr (lower, needle) == NULL)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (at = strstr (lower, needle); at != NULL; at = strstr (lower + done, needle))
    {
      g_string_append_len (out, text + done, (at - lower) - done);
      g_string_append (out, with);
      done = (at - lower) + strlen (needle);
    }
  g_string_append (out, text + done);
  return g_string_free (out, FALSE);
}

/* Whether @pseudonym stands in @text as a word of its own. */
static gboolean
mentions_pseudonym (const char *text, const char *pseudonym)
{
  gsize len = strlen (pseudonym);

  for (const char *at = strstr (text, pseudonym); at != NULL && len > 0;
       at = strstr (at + 1, pseudonym))
    {
      gboolean starts = at == text || !g_ascii_isalnum (at[-1]);
      gboolean ends = !g_ascii_isalnum (at[len]);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* The note as a report may quote it, or NULL when it may not: it concerns
 * someone who has not consented, or it cannot be cleared. @attending are
 * the person ids of the victims at its hearing (may be NULL). */
static char *
clear_note (Gather *g, const char *text, const char *case_id, CasePersons *persons,
            GPtrArray *attending)
{
  g_autoptr (GArray) hits = NULL;
  g_autofree char *scrubbed = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (vigil_text_is_blank (text))
    return NULL;

  /* Consent: whom the note concerns. */
  hits = vigil_identifier_detector_find (g->detector, text);
  for (guint i = 0; i < hits->len; i++)
    {
      const VigilIdentifierHit *hit = &g_array_index (hits, VigilIdentifierHit, i);
      const char *person_id;

      /* A person of another case named here: that case's consent rule
       * cannot be checked from this one, so the note is not quoted. */
      if (g_strcmp0 (hit->case_id, case_id) != 0)
        goto withheld;
      person_id = g_hash_table_lookup (persons->pseudonym, hit->pseudonym);
      if (person_id == NULL
          || (!g_hash_table_contains (persons->quotable, person_id)
              && !g_hash_table_contains (persons->defendants, person_id)))
        goto withheld;
    }
  g_hash_table_iter_init (&iter, persons->pseudonym);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (mentions_pseudonym (text, key) && !g_hash_table_contains (persons->quotable, value)
        && !g_hash_table_contains (persons->defendants, value))
      goto withheld;
  for (guint i = 0; attending != NULL && i < attending->len; i++)
    if (!g_hash_table_contains (persons->quotable, g_ptr_array_index (attending, i)))
      goto withheld;

  /* Scrubbing, then the same screen once more. */
  scrubbed = vigil_identifier_replace_hits (text, hits, NULL, NULL);
  if (hits->len > 0)
    g->data->notes_scrubbed++;
  {
    g_autofree char *lower = g_utf8_strdown (scrubbed, -1);
    /* A court's reference has a number; most notes have none, and a vault
     * has as many references as cases. */
    gboolean digits = strpbrk (lower, "0123456789") != NULL;

    for (guint i = 0; i + 1 < g->replacements->len; i += 2)
      {
        const char *needle = g_ptr_array_index (g->replacements, i);
        char *next;

        if ((!digits && strpbrk (needle, "0123456789") != NULL) || strstr (lower, needle) == NULL)
          continue;
        next = replace_all (scrubbed, lower, needle, g_ptr_array_index (g->replacements, i + 1));
        vigil_record_wipe_string (scrubbed);
        scrubbed = next;
        g_free (lower);
        lower = g_utf8_strdown (scrubbed, -1);
      }
  }
  if (vigil_identifier_detector_finds (g->detector, scrubbed))
    {
      g->data->notes_withheld_scrub++;
      vigil_record_wipe_string (g_steal_pointer (&scrubbed));
      return NULL;
    }
  return g_steal_pointer (&scrubbed);

withheld:
  g->data->notes_withheld_consent++;
  return NULL;
}

static ReportAgeBand
age_band (int age)
{
  if (age < 0)
    return REPORT_AGE_UNKNOWN;
  if (age < 14)
    return REPORT_AGE_UNDER_14;
  if (age < 18)
    return REPORT_AGE_14_17;
  if (age < 25)
    return REPORT_AGE_18_24;
  if (age < 35)
    return REPORT_AGE_25_34;
  return REPORT_AGE_35_UP;
}

static gboolean
read_persons (Gather *g, VigilCase *kase, ReportCase *rc, CasePersons *persons, GError **error)
{
  g_autoptr (GPtrArray) list = vigil_store_list_persons (g->store, vigil_case_get_id (kase), error);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GHashTable) ages = NULL;

  if (list == NULL)
    return FALSE;
  /* Ages only ever leave as bands. */
  ages = vigil_store_case_ages (g->store, vigil_case_get_id (kase),
                                rc->first_hearing != NULL ? rc->first_hearing : now, error);
  if (ages == NULL)
    return FALSE;
  persons->quotable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  persons->pseudonym = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  persons->victims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  persons->defendants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (list, i);
      const char *id = vigil_person_get_id (person);
      g_autoptr (GPtrArray) consents = vigil_store_list_consents (g->store, id, error);

      if (consents == NULL)
        return FALSE;
      g_hash_table_insert (persons->pseudonym, g_strdup (vigil_person_get_pseudonym (person)),
                           g_strdup (id));
      if (vigil_person_get_role (person) == VIGIL_PERSON_ROLE_DEFENDANT)
        g_hash_table_add (persons->defendants, g_strdup (id));
      if (is_victim (vigil_person_get_role (person)))
        {
          ReportAgeBand band = age_band (GPOINTER_TO_INT (g_hash_table_lookup (ages, id)) - 1);

          g_hash_table_add (persons->victims, g_strdup (id));
          rc->n_victims++;
          g->data->victims[band]++;
          if (vigil_person_get_is_child (person)
              || vigil_person_get_role (person) == VIGIL_PERSON_ROLE_CHILD_VICTIM)
            {
              rc->n_child_victims++;
              g->data->child_victims[band]++;
            }
        }
      for (guint k = 0; k < consents->len; k++)
        {
          VigilConsent *consent = g_ptr_array_index (consents, k);

          if (vigil_consent_get_kind (consent) == VIGIL_CONSENT_KIND_ANONYMOUS_QUOTE
              && vigil_consent_get_withdrawn_at (consent) == NULL)
            g_hash_table_add (persons->quotable, g_strdup (id));
        }
    }
  return TRUE;
}

static guint
counter_get (GHashTable *table, const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

static void
counter_add (GHashTable *table, const char *key)
{
  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (counter_get (table, key) + 1));
}

static gboolean
read_protection (Gather *g, VigilCase *kase, GHashTable *screened_hearings, GError **error)
{
  g_autoptr (GPtrArray) measures =
    vigil_store_list_protection_measures (g->store, vigil_case_get_id (kase), error);

  if (measures == NULL)
    return FALSE;
  for (guint i = 0; i < measures->len; i++)
    {
      const VigilProtectionData *m = g_ptr_array_index (measures, i);
      GHashTable *persons;

      counter_add (g->data->protection_requested, m->kind);
      if (g_strcmp0 (m->status, "delivered") == 0)
        counter_add (g->data->protection_delivered, m->kind);
      persons = g_hash_table_lookup (g->data->protection_persons, m->kind);
      if (persons == NULL)
        {
          persons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (g->data->protection_persons, g_strdup (m->kind), persons);
        }
      if (m->person_id != NULL)
        g_hash_table_add (persons, g_strdup (m->person_id));
      if (m->hearing_id != NULL
          && (g_strcmp0 (m->kind, "screen") == 0 || g_strcmp0 (m->kind, "video_link") == 0)
          && (g_strcmp0 (m->status, "delivered") == 0 || g_strcmp0 (m->status, "confirmed") == 0))
        g_hash_table_add (screened_hearings, g_strdup (m->hearing_id));
    }
  return TRUE;
}

static ReportMoney *
money_for (ReportData *data, const char *currency)
{
  ReportMoney *m;

  for (guint i = 0; i < data->money->len; i++)
    {
      m = g_ptr_array_index (data->money, i);
      if (g_strcmp0 (m->currency, currency) == 0)
        return m;
    }
  m = g_new0 (ReportMoney, 1);
  m->currency = g_strdup (currency);
  g_ptr_array_add (data->money, m);
  return m;
}

static gboolean
read_claims (Gather *g, VigilCase *kase, GHashTable *claimants, GError **error)
{
  g_autoptr (GPtrArray) claims = vigil_store_list_claims (g->store, vigil_case_get_id (kase), error);

  if (claims == NULL)
    return FALSE;
  for (guint i = 0; i < claims->len; i++)
    {
      const VigilClaimData *claim = g_ptr_array_index (claims, i);
      ReportMoney *m = money_for (g->data, claim->currency);
      g_autofree char *who = g_strconcat (claim->currency, "/", claim->claimant_id, NULL);

      m->claims++;
      if (g_hash_table_add (claimants, g_steal_pointer (&who)))
        m->claimants++;
      if (g_strcmp0 (claim->status, "drafting") == 0 || g_strcmp0 (claim->status, "filed") == 0
          || g_strcmp0 (claim->status, "heard") == 0)
        m->undecided++;
      if (g_strcmp0 (claim->route, "civil_claim") != 0)
        m->elsewhere++;
      for (guint k = 0; claim->items != NULL && k < claim->items->len; k++)
        {
          const VigilClaimItemData *item = g_ptr_array_index (claim->items, k);

          m->claimed += item->claimed_minor;
          if (item->has_awarded)
            m->awarded += item->awarded_minor;
          if (item->has_paid)
            m->paid += item->paid_minor;
        }
    }
  return TRUE;
}

static void
add_monitor (ReportData *data, const char *monitor)
{
  if (!vigil_text_is_blank (monitor))
    g_hash_table_add (data->monitors, g_strdup (monitor));
}

static void
add_quote (ReportObservation *ro, char *note)
{
  if (ro->quotes == NULL)
    ro->quotes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (ro->quotes, note);
}

static gboolean
read_observations (Gather *g, VigilHearing *hearing, ReportHearing *rh, const char *case_id,
                   CasePersons *persons, GPtrArray *attending, GError **error)
{
  g_autoptr (GPtrArray) list =
    vigil_store_list_observations (g->store, vigil_hearing_get_id (hearing), error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      const VigilObservationData *obs = g_ptr_array_index (list, i);
      ReportObservation *ro = g_new0 (ReportObservation, 1);
      int status = VIGIL_OBSERVATION_STATUS_NOT_OBSERVED;
      gboolean quotable;

      vigil_enum_from_nick (VIGIL_TYPE_OBSERVATION_STATUS, obs->status, &status);
      ro->hearing = rh;
      ro->standard_id = g_intern_string (obs->standard_id);
      ro->status = status;
      ro->severity = g_intern_string (obs->severity);
      g_ptr_array_add (g->data->observations, ro);
      add_monitor (g->data, obs->monitor);
      for (guint k = 0; obs->entries != NULL && k < obs->entries->len; k++)
        add_monitor (g->data, ((VigilObservationNote *) g_ptr_array_index (obs->entries, k))->monitor);

      /* Only serious and grave shortcomings are quoted. */
      quotable = (status == VIGIL_OBSERVATION_STATUS_NOT_RESPECTED
                  || status == VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED)
                 && (g_strcmp0 (obs->severity, "serious") == 0
                     || g_strcmp0 (obs->severity, "grave") == 0);
      if (!quotable)
        continue;
      {
        char *note = clear_note (g, obs->notes, case_id, persons, attending);

        if (note != NULL)
          add_quote (ro, note);
      }
      for (guint k = 0; obs->entries != NULL && k < obs->entries->len; k++)
        {
          const VigilObservationNote *entry = g_ptr_array_index (obs->entries, k);
          char *note = clear_note (g, entry->text, case_id, persons, attending);

          if (note != NULL)
            add_quote (ro, note);
        }
    }
  return TRUE;
}

static gboolean
read_case (Gather *g, Selected *s, ReportCase *rc, GHashTable *claimants, GError **error)
{
  g_auto (CasePersons) persons = { 0 };
  g_autoptr (GHashTable) screened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *case_id = vigil_case_get_id (s->kase);

  if (!read_persons (g, s->kase, rc, &persons, error) || !read_protection (g, s->kase, screened, error)
      || !read_claims (g, s->kase, claimants, error))
    return FALSE;

  for (guint i = 0; i < s->hearings->len; i++)
    {
      VigilHearing *hearing = g_ptr_array_index (s->hearings, i);
      ReportHearing *rh = g_new0 (ReportHearing, 1);
      g_autoptr (GPtrArray) attending = g_ptr_array_new ();
      VigilHearingFacts facts;
      g_autofree char *day = NULL;

      vigil_hearing_get_facts (hearing, &facts);
      rh->kase = rc;
      rh->starts_at = g_date_time_ref (vigil_hearing_get_starts_at (hearing));
      rh->status = vigil_hearing_get_status (hearing);
      rh->victim_testified = facts.victims_testified > 0;
      rh->defendant_present = facts.defendants_present > 0;
      rh->screen_or_video = g_hash_table_contains (screened, vigil_hearing_get_id (hearing));
      g_ptr_array_add (g->data->hearings, rh);
      for (guint k = 0; k < vigil_hearing_get_n_attendees (hearing); k++)
        {
          const VigilAttendee *a = vigil_hearing_get_attendee (hearing, k);

          if (is_victim (a->role))
            g_ptr_array_add (attending, a->person_id);
        }
      if (rh->status == VIGIL_HEARING_STATUS_ADJOURNED)
        rh->adjournment_reason = clear_note (g, vigil_hearing_get_adjournment_reason (hearing),
                                             case_id, &persons, NULL);

      day = day_of (rh->starts_at);
      if (g->data->period_from == NULL || g_strcmp0 (day, g->data->period_from) < 0)
        {
          g_free (g->data->period_from);
          g->data->period_from = g_strdup (day);
        }
      if (g->data->period_to == NULL || g_strcmp0 (day, g->data->period_to) > 0)
        {
          g_free (g->data->period_to);
          g->data->period_to = g_strdup (day);
        }

      if (!read_observations (g, hearing, rh, case_id, &persons, attending, error))
        return FALSE;
    }
  return TRUE;
}

/* The cases in scope with their hearings in scope, in the order their
 * labels are given: by first hearing. */
static GPtrArray *
select_cases (VigilStore *store, const VigilReportOptions *options, GPtrArray *all, GError **error)
{
  g_autoptr (GPtrArray) selected = g_ptr_array_new_with_free_func (selected_free);

  for (guint i = 0; i < all->len; i++)
    {
      VigilCase *kase = g_ptr_array_index (all, i);
      g_autoptr (GPtrArray) hearings = NULL;
      Selected *s;

      if (!case_matches (kase, options))
        continue;
      hearings = vigil_store_list_hearings (store, vigil_case_get_id (kase), error);
      if (hearings == NULL)
        return NULL;
      s = g_new0 (Selected, 1);
      s->kase = g_object_ref (kase);
      s->hearings = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint k = 0; k < hearings->len; k++)
        {
          VigilHearing *hearing = g_ptr_array_index (hearings, k);

          if (s->first_hearing == NULL)
            s->first_hearing = g_date_time_ref (vigil_hearing_get_starts_at (hearing));
          if (hearing_in_period (hearing, options))
            g_ptr_array_add (s->hearings, g_object_ref (hearing));
        }
      if (options->scope == VIGIL_REPORT_SCOPE_PERIOD && s->hearings->len == 0)
        {
          selected_free (s);
          continue;
        }
      g_ptr_array_add (selected, s);
    }
  g_ptr_array_sort (selected, selected_compare);
  return g_steal_pointer (&selected);
}

static ReportCase *
report_case_new (Selected *s, const VigilReportOptions *options, guint index)
{
  ReportCase *rc = g_new0 (ReportCase, 1);
  VigilCase *kase = s->kase;

  rc->label = options->references == VIGIL_REPORT_REFERENCES_EXACT
                ? g_strdup (vigil_case_get_reference (kase))
                : vigil_report_case_code (index);
  rc->jurisdiction = g_strdup (vigil_case_get_jurisdiction (kase));
  if (options->courts == VIGIL_REPORT_COURTS_EXACT)
    rc->court = g_strdup (vigil_case_get_court (kase));
  else if (options->courts == VIGIL_REPORT_COURTS_REGION)
    rc->court = g_strdup (vigil_case_get_jurisdiction (kase));
  rc->stage = vigil_case_get_stage (kase);
  rc->outcome = vigil_case_get_outcome (kase);
  rc->convicted_charge = g_strdup (vigil_case_get_convicted_charge (kase));
  if (s->first_hearing != NULL)
    rc->first_hearing = g_date_time_ref (s->first_hearing);
  return rc;
}

/* The first verdict hearing held, from all the case's hearings. */
static gboolean
find_verdict (VigilStore *store, VigilCase *kase, ReportCase *rc, GError **error)
{
  g_autoptr (GPtrArray) hearings = vigil_store_list_hearings (store, vigil_case_get_id (kase), error);

  if (hearings == NULL)
    return FALSE;
  for (guint i = 0; i < hearings->len && rc->verdict == NULL; i++)
    {
      VigilHearing *h = g_ptr_array_index (hearings, i);

      if (vigil_hearing_get_kind (h) == VIGIL_HEARING_KIND_VERDICT
          && vigil_hearing_get_status (h) == VIGIL_HEARING_STATUS_HELD)
        rc->verdict = g_date_time_ref (vigil_hearing_get_starts_at (h));
    }
  return TRUE;
}

/* What notes may name besides persons: references and courts, each in
 * lower case and what replaces it. Every case of the vault, not only
 * those in scope, since a note may cite another case. */
static void
add_replacements (GPtrArray *replacements, GPtrArray *all, GPtrArray *selected,
                  ReportData *data)
{
  const VigilReportOptions *options = data->options;
  g_autoptr (GHashTable) courts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < all->len; i++)
    {
      VigilCase *kase = g_ptr_array_index (all, i);
      const char *label = _("another case");

      for (guint k = 0; k < selected->len; k++)
        if (((Selected *) g_ptr_array_index (selected, k))->kase == kase)
          label = ((ReportCase *) g_ptr_array_index (data->cases, k))->label;
      if (options->references != VIGIL_REPORT_REFERENCES_EXACT
          && !vigil_text_is_blank (vigil_case_get_reference (kase)))
        {
          g_ptr_array_add (replacements, g_utf8_strdown (vigil_case_get_reference (kase), -1));
          g_ptr_array_add (replacements, g_strdup (label));
        }
      /* Many cases share a court: it is looked for once. */
      if (options->courts != VIGIL_REPORT_COURTS_EXACT
          && !vigil_text_is_blank (vigil_case_get_court (kase))
          && g_hash_table_add (courts, (gpointer) vigil_case_get_court (kase)))
        {
          g_ptr_array_add (replacements, g_utf8_strdown (vigil_case_get_court (kase), -1));
          g_ptr_array_add (replacements, g_strdup (options->courts == VIGIL_REPORT_COURTS_REGION
                                                     ? vigil_case_get_jurisdiction (kase)
                                                     : _("the court")));
        }
    }
}

/* private API (vigil-report-private.h) */

char *
vigil_report_case_code (guint index)
{
  g_autoptr (GString) letters = g_string_new (NULL);

  /* Like a spreadsheet's columns: A ... Z, AA ... AZ, BA ... */
  do
    {
      g_string_prepend_c (letters, (char) ('A' + index % 26));
      index = index / 26;
    }
  while (index-- > 0);
  /* TRANSLATORS: a case's code in a report, "Case A" */
  return g_strdup_printf (_("Case %s"), letters->str);
}

char *
vigil_report_format_date (GDateTime *when, VigilReportDates dates)
{
  switch (dates)
    {
    case VIGIL_REPORT_DATES_EXACT:
      return g_date_time_format (when, "%-d %B %Y");
    case VIGIL_REPORT_DATES_MONTH:
      return g_date_time_format (when, "%B %Y");
    case VIGIL_REPORT_DATES_QUARTER:
    default:
      /* TRANSLATORS: a quarter of a year, "2024 Q1" */
      return g_strdup_printf (_("%d Q%d"), g_date_time_get_year (when),
                              (g_date_time_get_month (when) - 1) / 3 + 1);
    }
}

void
vigil_report_data_free (ReportData *data)
{
  if (data == NULL)
    return;
  g_clear_object (&data->catalogue);
  g_ptr_array_unref (data->observations);
  g_ptr_array_unref (data->hearings);
  g_ptr_array_unref (data->cases);
  g_hash_table_unref (data->monitors);
  g_hash_table_unref (data->protection_requested);
  g_hash_table_unref (data->protection_delivered);
  g_hash_table_unref (data->protection_persons);
  g_ptr_array_unref (data->money);
  g_free (data->period_from);
  g_free (data->period_to);
  g_free (data);
}

ReportData *
vigil_report_data_gather (VigilStore               *store,
                          VigilCatalogue           *catalogue,
                          const VigilReportOptions *options,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr (ReportData) data = g_new0 (ReportData, 1);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) selected = NULL;
  g_autoptr (GHashTable) claimants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (VigilIdentifierDetector) detector = NULL;
  g_autoptr (GPtrArray) replacements = g_ptr_array_new_with_free_func (g_free);
  Gather g;

  data->options = options;
  data->catalogue = g_object_ref (catalogue);
  data->cases = g_ptr_array_new_with_free_func (report_case_free);
  data->hearings = g_ptr_array_new_with_free_func (report_hearing_free);
  data->observations = g_ptr_array_new_with_free_func (report_observation_free);
  data->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->protection_requested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->protection_delivered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->protection_persons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_hash_table_unref);
  data->money = g_ptr_array_new_with_free_func (report_money_free);

  all = vigil_store_list_cases (store, error);
  if (all == NULL)
    return NULL;
  selected = select_cases (store, options, all, error);
  if (selected == NULL)
    return NULL;
  if (options->scope == VIGIL_REPORT_SCOPE_CASE && selected->len == 0)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND,
                   _("The vault has no case with this reference"));
      return NULL;
    }
  for (guint i = 0; i < selected->len; i++)
    {
      Selected *s = g_ptr_array_index (selected, i);
      ReportCase *rc = report_case_new (s, options, i);

      g_ptr_array_add (data->cases, rc);
      if (!find_verdict (store, s->kase, rc, error))
        return NULL;
    }

  /* Every identifier of the vault: a note may name a person of another
   * case. */
  detector = vigil_store_all_identifiers (store, error);
  if (detector == NULL)
    return NULL;
  add_replacements (replacements, all, selected, data);
  g = (Gather) { data, store, detector, replacements };

  for (guint i = 0; i < selected->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!read_case (&g, g_ptr_array_index (selected, i), g_ptr_array_index (data->cases, i),
                      claimants, error))
        return NULL;
    }
  return g_steal_pointer (&data);
}
