/* vigil-bench-vault.c: synthetic vaults for the benchmarks
 *
 * The demo generator's random numbers and word lists, at the density of a
 * mission's long history: about 20 hearings a case and 20 observations a
 * held hearing, with persons, identities, consents, protection measures
 * and claims in proportion. Everything goes through the store, as the
 * desktop program writes it (sealed, versioned, audited), one transaction
 * per case: a faster path around sealing and the audit chain would measure
 * a vault nobody has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <string.h>

#include "vigil-bench.h"
#include "vigil-demo-private.h"
#include "vigil-store-claims.h"
#include "vigil-store-identifiers.h"
#include "vigil-store-observations.h"
#include "vigil-store-protection.h"
#include "vigil-store.h"

/* The clock is never read: dates come from the seed alone. */
#define BENCH_TODAY_YEAR  2026
#define BENCH_TODAY_MONTH 11
#define BENCH_TODAY_DAY   1

/* More standards than a hearing has observations, so each observation of a
 * hearing is on a standard of its own, as a monitor records them. */
static const char * const bench_standards[] = {
  "right-to-information", "interpreter-provided", "closed-session-for-victim",
  "separate-waiting-room", "no-contact-with-defendant", "legal-representation",
  "support-person-present", "protection-of-privacy", "compensation-informed",
  "child-friendly-hearing", "no-secondary-victimisation", "video-link-testimony",
  "free-legal-aid", "identity-not-disclosed", "hearing-without-delay",
  "reflection-period-respected", "residence-status-informed", "protection-order-considered",
  "testimony-recorded", "no-confrontation", "medical-support-offered",
  "questions-on-past-restricted", "victim-informed-of-release", "assets-frozen-for-claims",
};

typedef struct
{
  VigilDemoRng            rng;
  VigilStore             *store;
  VigilBenchVaultStats   *stats;
  GHashTable             *references; /* court + reference, each once */
  GDateTime              *today;
  const VigilDemoCountry *country;    /* of the court */
  const VigilDemoCountry *origin;     /* of the victims */
  guint                   year;       /* of the case's first hearing */
  GPtrArray              *persons;    /* VigilPerson */
  GPtrArray              *hearings;   /* VigilHearing */
} Bench;

/* private helpers */

static guint
list_length (const char * const *list)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;
  return n;
}

static const VigilDemoCountry *
pick_country (VigilDemoRng *rng)
{
  guint n = 0;

  while (vigil_demo_countries[n].jurisdiction != NULL)
    n++;
  return &vigil_demo_countries[vigil_demo_rng_below (rng, n)];
}

static gboolean
is_victim (VigilPersonRole role)
{
  return role == VIGIL_PERSON_ROLE_VICTIM || role == VIGIL_PERSON_ROLE_VICTIM_WITNESS
         || role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
}

static char *
make_reference (Bench *b, const VigilDemoCourt *court, guint year)
{
  static const char * const keys[] = { "n", "y", "yy", NULL };
  g_autofree char *reference = NULL;

  /* References are unique per court: draw again on the rare repeat. */
  for (;;)
    {
      g_autofree char *n = g_strdup_printf ("%u", vigil_demo_rng_range (&b->rng, 1, 9999));
      g_autofree char *y = g_strdup_printf ("%u", year);
      g_autofree char *yy = g_strdup_printf ("%02u", year % 100);
      const char *values[] = { n, y, yy, NULL };
      g_autofree char *key = NULL;

      g_clear_pointer (&reference, g_free);
      reference = vigil_demo_expand (&b->rng, court->reference, keys, values);
      key = g_strdup_printf ("%s\x1f%s", court->name, reference);
      if (!g_hash_table_contains (b->references, key))
        {
          g_hash_table_add (b->references, g_steal_pointer (&key));
          return g_steal_pointer (&reference);
        }
    }
}

static gboolean
save_case (Bench *b, VigilCase *kase, GError **error)
{
  const VigilDemoCourt *court;
  guint courts = 0, roll, year;
  VigilCaseStage stage;
  VigilCaseOutcome outcome = VIGIL_CASE_OUTCOME_NONE;
  g_autofree char *reference = NULL;
  g_autoptr (GPtrArray) charges = g_ptr_array_new ();

  b->country = pick_country (&b->rng);
  while (b->country->courts[courts].name != NULL)
    courts++;
  court = &b->country->courts[vigil_demo_rng_below (&b->rng, courts)];
  roll = vigil_demo_rng_below (&b->rng, 100);
  stage = roll < 5    ? VIGIL_CASE_STAGE_INVESTIGATION
          : roll < 20 ? VIGIL_CASE_STAGE_PRE_TRIAL
          : roll < 65 ? VIGIL_CASE_STAGE_TRIAL
          : roll < 80 ? VIGIL_CASE_STAGE_APPEAL
                      : VIGIL_CASE_STAGE_CLOSED;
  if (stage == VIGIL_CASE_STAGE_APPEAL || stage == VIGIL_CASE_STAGE_CLOSED)
    {
      roll = vigil_demo_rng_below (&b->rng, 100);
      outcome = roll < 60   ? VIGIL_CASE_OUTCOME_CONVICTION
                : roll < 75 ? VIGIL_CASE_OUTCOME_ACQUITTAL
                : roll < 90 ? VIGIL_CASE_OUTCOME_SUSPENDED_SENTENCE
                            : VIGIL_CASE_OUTCOME_DROPPED;
    }
  /* A long history: about twenty hearings a case, mostly held already. */
  year = outcome != VIGIL_CASE_OUTCOME_NONE ? vigil_demo_rng_range (&b->rng, 2017, 2023)
                                            : vigil_demo_rng_range (&b->rng, 2022, 2025);
  reference = make_reference (b, court, year);

  g_ptr_array_add (charges, (gpointer) vigil_demo_charges[0]);
  for (guint i = vigil_demo_rng_range (&b->rng, 0, 2); i > 0; i--)
    {
      const char *charge = vigil_demo_charges[vigil_demo_rng_range (
        &b->rng, 1, list_length (vigil_demo_charges) - 1)];

      if (!g_ptr_array_find_with_equal_func (charges, charge, g_str_equal, NULL))
        g_ptr_array_add (charges, (gpointer) charge);
    }
  g_ptr_array_add (charges, NULL);

  vigil_case_set_reference (kase, reference);
  vigil_case_set_court (kase, court->name);
  vigil_case_set_jurisdiction (kase, b->country->jurisdiction);
  vigil_case_set_stage (kase, stage);
  vigil_case_set_outcome (kase, outcome);
  vigil_case_set_charges (kase, (const char * const *) charges->pdata);
  if (outcome == VIGIL_CASE_OUTCOME_CONVICTION)
    vigil_case_set_convicted_charge (kase, vigil_demo_charges[0]);
  if (vigil_demo_rng_chance (&b->rng, 35))
    vigil_case_set_notes (kase, vigil_demo_pick (&b->rng, vigil_demo_case_notes));
  b->year = year;
  return vigil_store_save_case (b->store, kase, error);
}

static VigilIdentity *
make_identity (Bench *b, const VigilDemoCountry *c, VigilPersonRole role)
{
  g_autoptr (VigilIdentity) identity = vigil_identity_new ();
  gboolean female = is_victim (role) ? vigil_demo_rng_chance (&b->rng, 75)
                                     : vigil_demo_rng_chance (&b->rng, 50);
  const char *first = vigil_demo_pick (&b->rng, female ? c->female_names : c->male_names);
  const char *surname
    = vigil_demo_pick (&b->rng, female ? c->female_surnames : c->male_surnames);
  gboolean child = role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
  gboolean professional = role == VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE
                          || role == VIGIL_PERSON_ROLE_INTERPRETER
                          || role == VIGIL_PERSON_ROLE_SUPPORT_PERSON;
  g_autoptr (GStrvBuilder) languages = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) aliases = g_strv_builder_new ();

  identity->full_name = c->surname_first ? g_strdup_printf ("%s %s", surname, first)
                                         : g_strdup_printf ("%s %s", first, surname);
  if (!professional && vigil_demo_rng_chance (&b->rng, 30))
    g_strv_builder_add (aliases, vigil_demo_pick (&b->rng, vigil_demo_nicknames));
  identity->aliases = g_strv_builder_end (aliases);
  identity->date_of_birth
    = g_strdup_printf ("%04u-%02u-%02u",
                       child ? vigil_demo_rng_range (&b->rng, 2010, 2013)
                             : vigil_demo_rng_range (&b->rng, 1962, 2004),
                       vigil_demo_rng_range (&b->rng, 1, 12), vigil_demo_rng_range (&b->rng, 1, 28));
  identity->nationality = g_strdup (c->nationality);
  g_strv_builder_addv (languages, (const char **) c->languages);
  identity->languages = g_strv_builder_end (languages);
  identity->phone = vigil_demo_expand (&b->rng, c->phone, (const char * const[]) { NULL },
                                       (const char * const[]) { NULL });
  if (!professional)
    {
      static const char * const keys[] = { "street", "num", "city", NULL };
      g_autofree char *num = g_strdup_printf ("%u", vigil_demo_rng_range (&b->rng, 1, 140));
      const char *values[] = { vigil_demo_pick (&b->rng, c->streets), num,
                               vigil_demo_pick (&b->rng, c->cities), NULL };

      identity->address = vigil_demo_expand (&b->rng, c->address, keys, values);
    }
  return g_steal_pointer (&identity);
}

static gboolean
save_person (Bench *b, const char *case_id, VigilPersonRole role, guint *counters, GError **error)
{
  g_autoptr (VigilPerson) person = vigil_person_new (case_id);
  g_autoptr (VigilIdentity) identity = NULL;
  const char *prefix = vigil_person_role_prefix (role);
  const VigilDemoCountry *country
    = is_victim (role) || role == VIGIL_PERSON_ROLE_GUARDIAN ? b->origin : b->country;
  g_autofree char *pseudonym
    = g_strdup_printf ("%s-%02u", prefix, ++counters[(guchar) prefix[0]]);

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, role);
  vigil_person_set_is_child (person, role == VIGIL_PERSON_ROLE_CHILD_VICTIM);
  if (is_victim (role) && vigil_demo_rng_chance (&b->rng, 50))
    vigil_person_set_notes (person, vigil_demo_pick (&b->rng, vigil_demo_person_notes));
  identity = make_identity (b, country, role);
  if (!vigil_store_save_person (b->store, person, error)
      || !vigil_store_save_identity (b->store, person, identity, error))
    return FALSE;
  b->stats->persons++;
  b->stats->identities++;

  if (is_victim (role))
    {
      g_autoptr (GDateTime) given = g_date_time_new_utc (
        b->year - 1, vigil_demo_rng_range (&b->rng, 1, 12), vigil_demo_rng_range (&b->rng, 1, 28),
        vigil_demo_rng_range (&b->rng, 8, 16), 0, 0);
      g_autoptr (VigilConsent) storage
        = vigil_consent_new (vigil_person_get_id (person), VIGIL_CONSENT_KIND_STORAGE, given);

      if (!vigil_store_save_consent (b->store, storage, error))
        return FALSE;
      b->stats->consents++;
      if (vigil_demo_rng_chance (&b->rng, 40))
        {
          g_autoptr (VigilConsent) sharing
            = vigil_consent_new (vigil_person_get_id (person), VIGIL_CONSENT_KIND_SHARING, given);

          vigil_consent_set_shared_with (sharing, "The NGO court-support service");
          if (!vigil_store_save_consent (b->store, sharing, error))
            return FALSE;
          b->stats->consents++;
        }
    }
  g_ptr_array_add (b->persons, g_steal_pointer (&person));
  return TRUE;
}

static gboolean
save_persons (Bench *b, const char *case_id, GError **error)
{
  static const VigilPersonRole others[] = {
    VIGIL_PERSON_ROLE_WITNESS, VIGIL_PERSON_ROLE_LEGAL_REPRESENTATIVE,
    VIGIL_PERSON_ROLE_SUPPORT_PERSON, VIGIL_PERSON_ROLE_WITNESS, VIGIL_PERSON_ROLE_INTERPRETER,
  };
  guint counters[256] = { 0 };
  guint total = vigil_demo_rng_range (&b->rng, 6, 14);
  guint victims = vigil_demo_rng_range (&b->rng, 1, 4);
  guint defendants = vigil_demo_rng_range (&b->rng, 1, 3);
  gboolean child = FALSE;

  /* Victims are often brought from another country than the court's. */
  b->origin = vigil_demo_rng_chance (&b->rng, 45) ? pick_country (&b->rng) : b->country;
  for (guint i = 0; i < victims; i++)
    {
      guint roll = vigil_demo_rng_below (&b->rng, 100);
      VigilPersonRole role = roll < 60   ? VIGIL_PERSON_ROLE_VICTIM_WITNESS
                             : roll < 88 ? VIGIL_PERSON_ROLE_VICTIM
                                         : VIGIL_PERSON_ROLE_CHILD_VICTIM;

      child |= role == VIGIL_PERSON_ROLE_CHILD_VICTIM;
      if (!save_person (b, case_id, role, counters, error))
        return FALSE;
    }
  for (guint i = 0; i < defendants; i++)
    if (!save_person (b, case_id, VIGIL_PERSON_ROLE_DEFENDANT, counters, error))
      return FALSE;
  if (child && !save_person (b, case_id, VIGIL_PERSON_ROLE_GUARDIAN, counters, error))
    return FALSE;
  while (b->persons->len < total)
    if (!save_person (b, case_id, others[vigil_demo_rng_below (&b->rng, G_N_ELEMENTS (others))],
                      counters, error))
      return FALSE;
  return TRUE;
}

static gboolean
save_observations (Bench *b, VigilHearing *hearing, GError **error)
{
  guint order[G_N_ELEMENTS (bench_standards)];
  guint count = vigil_demo_rng_range (&b->rng, 18, 24);

  /* A partial shuffle: @count different standards. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i;
  for (guint i = 0; i < count; i++)
    {
      guint j = i + vigil_demo_rng_below (&b->rng, G_N_ELEMENTS (order) - i);
      guint swap = order[i];
      g_autoptr (VigilObservationData) data = vigil_observation_data_new ();
      guint roll = vigil_demo_rng_below (&b->rng, 100);
      gboolean failed;

      order[i] = order[j];
      order[j] = swap;
      data->case_id = g_strdup (vigil_hearing_get_case_id (hearing));
      data->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
      data->standard_id = g_strdup (bench_standards[order[i]]);
      data->status = g_strdup (roll < 45   ? "respected"
                               : roll < 65 ? "partly_respected"
                               : roll < 85 ? "not_respected"
                               : roll < 95 ? "not_applicable"
                                           : "not_observed");
      failed = roll >= 45 && roll < 85;
      if (failed)
        data->severity = g_strdup (vigil_demo_rng_chance (&b->rng, 60) ? "serious" : "grave");
      data->catalogue_version = g_strdup (VIGIL_OBSERVATION_NO_CATALOGUE);
      if (vigil_demo_rng_chance (&b->rng, 75))
        data->notes = g_strdup (
          vigil_demo_pick (&b->rng, failed ? vigil_demo_observation_notes_bad
                                           : vigil_demo_observation_notes_good));
      if (!vigil_store_add_observation (b->store, data, error))
        return FALSE;
      b->stats->observations++;
    }
  return TRUE;
}

static gboolean
save_hearings (Bench *b, const char *case_id, GError **error)
{
  guint count = vigil_demo_rng_range (&b->rng, 16, 24);
  g_autoptr (GDateTime) when = g_date_time_new_utc (
    b->year, vigil_demo_rng_range (&b->rng, 1, 12), vigil_demo_rng_range (&b->rng, 1, 28),
    vigil_demo_rng_range (&b->rng, 7, 12), vigil_demo_rng_chance (&b->rng, 50) ? 0 : 30, 0);

  for (guint i = 0; i < count; i++)
    {
      static const char * const keys[] = { "num", NULL };
      g_autoptr (VigilHearing) hearing = vigil_hearing_new (case_id);
      g_autofree char *num = g_strdup_printf ("%u", vigil_demo_rng_range (&b->rng, 1, 24));
      const char *values[] = { num, NULL };
      g_autofree char *room = vigil_demo_expand (&b->rng, b->country->room, keys, values);
      VigilHearingKind kind;
      VigilHearingStatus status;
      GDateTime *next;

      kind = i == 0                               ? VIGIL_HEARING_KIND_PRELIMINARY
             : vigil_demo_rng_chance (&b->rng, 45) ? VIGIL_HEARING_KIND_TESTIMONY
                                                   : VIGIL_HEARING_KIND_MAIN;
      if (g_date_time_compare (when, b->today) > 0)
        status = VIGIL_HEARING_STATUS_SCHEDULED;
      else
        status = vigil_demo_rng_chance (&b->rng, 12) ? VIGIL_HEARING_STATUS_ADJOURNED
                                                     : VIGIL_HEARING_STATUS_HELD;
      vigil_hearing_set_starts_at (hearing, when);
      vigil_hearing_set_room (hearing, room);
      vigil_hearing_set_kind (hearing, kind);
      vigil_hearing_set_status (hearing, status);
      vigil_hearing_set_closed_session (hearing, kind == VIGIL_HEARING_KIND_TESTIMONY
                                                   && vigil_demo_rng_chance (&b->rng, 70));
      if (status == VIGIL_HEARING_STATUS_ADJOURNED)
        vigil_hearing_set_adjournment_reason (
          hearing, vigil_demo_pick (&b->rng, vigil_demo_adjournment_reasons));
      if (status != VIGIL_HEARING_STATUS_SCHEDULED && vigil_demo_rng_chance (&b->rng, 40))
        vigil_hearing_set_notes (hearing, vigil_demo_pick (&b->rng, vigil_demo_hearing_notes));
      if (!vigil_store_save_hearing (b->store, hearing, error))
        return FALSE;
      b->stats->hearings++;
      /* A monitor attends adjourned hearings too, and records what was seen. */
      if (status != VIGIL_HEARING_STATUS_SCHEDULED && !save_observations (b, hearing, error))
        return FALSE;
      g_ptr_array_add (b->hearings, g_steal_pointer (&hearing));

      next = g_date_time_add_days (when, vigil_demo_rng_range (&b->rng, 14, 35));
      g_date_time_unref (when);
      when = next;
    }
  return TRUE;
}

static gboolean
save_measures (Bench *b, const char *case_id, GError **error)
{
  static const char * const kinds[] = {
    "police_escort", "separate_waiting_room", "video_link", "screen", "support_person",
    "separate_entrance", "interpreter", NULL,
  };

  for (guint p = 0; p < b->persons->len; p++)
    {
      VigilPerson *person = g_ptr_array_index (b->persons, p);
      VigilPersonRole role = vigil_person_get_role (person);
      guint count;

      if (role != VIGIL_PERSON_ROLE_VICTIM_WITNESS && role != VIGIL_PERSON_ROLE_CHILD_VICTIM)
        continue;
      count = vigil_demo_rng_range (&b->rng, 2, 6);
      for (guint m = 0; m < count; m++)
        {
          g_autoptr (VigilProtectionData) data = vigil_protection_data_new ();
          VigilHearing *hearing
            = g_ptr_array_index (b->hearings, vigil_demo_rng_below (&b->rng, b->hearings->len));
          GDateTime *at = vigil_hearing_get_starts_at (hearing);
          gboolean past = g_date_time_compare (at, b->today) <= 0;

          data->case_id = g_strdup (case_id);
          data->person_id = g_strdup (vigil_person_get_id (person));
          data->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
          data->kind = g_strdup (vigil_demo_pick (&b->rng, kinds));
          data->status = g_strdup (past ? (vigil_demo_rng_chance (&b->rng, 82) ? "delivered"
                                                                                : "failed")
                                        : (vigil_demo_rng_chance (&b->rng, 50) ? "requested"
                                                                                : "confirmed"));
          data->starts_at = g_date_time_add_hours (at, -1);
          data->ends_at = g_date_time_add_hours (at, 4);
          data->responsible = g_strdup (vigil_demo_pick (&b->rng, vigil_demo_responsible));
          data->details = g_strdup (vigil_demo_pick (&b->rng, vigil_demo_measure_details));
          if (!vigil_store_add_protection_measure (b->store, data, error))
            return FALSE;
          b->stats->measures++;
        }
    }
  return TRUE;
}

static gboolean
save_claims (Bench *b, const char *case_id, GError **error)
{
  static const char * const statuses[] = { "drafting", "filed", "heard", "awarded", NULL };

  for (guint p = 0; p < b->persons->len; p++)
    {
      VigilPerson *person = g_ptr_array_index (b->persons, p);
      g_autoptr (VigilClaimData) data = NULL;
      gboolean heads_used[6] = { FALSE };
      guint items;

      if (!is_victim (vigil_person_get_role (person)) || !vigil_demo_rng_chance (&b->rng, 55))
        continue;
      data = vigil_claim_data_new ();
      data->case_id = g_strdup (case_id);
      data->claimant_id = g_strdup (vigil_person_get_id (person));
      data->route = g_strdup (vigil_demo_rng_chance (&b->rng, 70) ? "civil_claim" : "state_fund");
      data->status = g_strdup (vigil_demo_pick (&b->rng, statuses));
      data->currency = g_strdup (b->country->currency);
      if (vigil_demo_rng_chance (&b->rng, 30))
        data->assets = g_strdup (vigil_demo_pick (&b->rng, vigil_demo_assets));
      items = vigil_demo_rng_range (&b->rng, 1, 4);
      for (guint i = 0; i < items; i++)
        {
          guint head = vigil_demo_rng_below (&b->rng, G_N_ELEMENTS (heads_used));
          VigilClaimItemData *item;

          if (heads_used[head])
            continue;
          heads_used[head] = TRUE;
          item = vigil_claim_item_data_new ();
          item->head = g_strdup (vigil_claim_heads[head]);
          /* 500 to 25 000 euros' worth, in whole units of the currency. */
          item->claimed_minor
            = (gint64) vigil_demo_rng_range (&b->rng, 5, 250) * 100 * b->country->minor_per_euro;
          if (g_str_equal (data->status, "awarded"))
            {
              item->has_awarded = TRUE;
              item->awarded_minor = item->claimed_minor / 2;
            }
          if (vigil_demo_rng_chance (&b->rng, 70))
            item->evidence = g_strdup (vigil_demo_pick (&b->rng, vigil_demo_evidence));
          g_ptr_array_add (data->items, item);
        }
      if (!vigil_store_add_claim (b->store, data, error))
        return FALSE;
      b->stats->claims++;
      b->stats->claim_items += data->items->len;
    }
  return TRUE;
}

static gboolean
save_whole_case (Bench *b, GError **error)
{
  g_autoptr (VigilCase) kase = vigil_case_new ();
  const char *case_id = vigil_case_get_id (kase);

  if (!save_case (b, kase, error))
    return FALSE;
  b->stats->cases++;
  if (!save_persons (b, case_id, error) || !save_hearings (b, case_id, error)
      || !save_measures (b, case_id, error) || !save_claims (b, case_id, error))
    return FALSE;
  return TRUE;
}

/* public API */

/**
 * vigil_bench_vault_generate:
 * @path: where the vault goes; nothing may be there yet
 * @stats: (out caller-allocates): counts and times
 *
 * Returns: TRUE when every case was written
 */
gboolean
vigil_bench_vault_generate (const char           *path,
                            guint                 n_cases,
                            guint64               seed,
                            VigilBenchVaultStats *stats,
                            GError              **error)
{
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (GHashTable) references = NULL;
  g_autoptr (GDateTime) today = NULL;
  g_autoptr (GPtrArray) persons = NULL;
  g_autoptr (GPtrArray) hearings = NULL;
  gint64 start;
  Bench b = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  start = g_get_monotonic_time ();
  /* The default key derivation: what a user's vault has. */
  vault = vigil_vault_create (path, VIGIL_BENCH_PASSPHRASE, VIGIL_KDF_MODERATE, error);
  if (vault == NULL)
    return FALSE;
  stats->create_usec = g_get_monotonic_time () - start;
  store = vigil_store_new (vault);
  /* A monitor who has given their name: the window opens on the cases, as
   * it does for a user after their first unlock. */
  if (!vigil_store_set_monitor (store, "Bench Monitor", error))
    return FALSE;

  references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  today = g_date_time_new_utc (BENCH_TODAY_YEAR, BENCH_TODAY_MONTH, BENCH_TODAY_DAY, 0, 0, 0);
  persons = g_ptr_array_new_with_free_func (g_object_unref);
  hearings = g_ptr_array_new_with_free_func (g_object_unref);
  vigil_demo_rng_seed (&b.rng, seed);
  b.store = store;
  b.stats = stats;
  b.references = references;
  b.today = today;
  b.persons = persons;
  b.hearings = hearings;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_cases; i++)
    {
      if (!vigil_store_begin (store, error))
        return FALSE;
      if (!save_whole_case (&b, error))
        {
          vigil_store_rollback (store);
          g_prefix_error (error, "case %u: ", i + 1);
          return FALSE;
        }
      if (!vigil_store_commit (store, error))
        return FALSE;
      stats->transactions++;
      g_ptr_array_set_size (persons, 0);
      g_ptr_array_set_size (hearings, 0);
    }
  stats->write_usec = g_get_monotonic_time () - start;
  vigil_vault_lock (vault);
  return TRUE;
}
