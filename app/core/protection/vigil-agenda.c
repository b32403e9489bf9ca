/* vigil-agenda.c: hearings, their measures and their problems, in time
 * order, for the days a support worker plans
 *
 * The window's agenda, `vigil-cli agenda` and the calendar export all
 * take their rows from here, so they show the same plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-agenda.h"
#include "vigil-text.h"

static const struct
{
  const char *word;
  const char *label;
} labels[] = {
  { "police_escort", N_("Police escort") },
  { "separate_entrance", N_("Separate entrance") },
  { "separate_waiting_room", N_("Separate waiting room") },
  { "video_link", N_("Testimony by video link") },
  { "screen", N_("Screen in the courtroom") },
  { "closed_session", N_("Closed session") },
  { "support_person", N_("Support person") },
  { "interpreter", N_("Interpreter") },
  { "relocation", N_("Relocation") },
  { "risk_assessment", N_("Risk assessment") },
  { "relatives_protection", N_("Protection of relatives") },
  { "familiarisation_visit", N_("Court familiarisation visit") },
  { "courtroom_accompaniment", N_("Accompaniment into the courtroom") },
  { "separate_arrival", N_("Separate arrival times") },
  { "debrief", N_("Debrief after testifying") },
  { "requested", N_("Requested") },
  { "confirmed", N_("Confirmed") },
  { "delivered", N_("Delivered") },
  { "failed", N_("Failed") },
  { "cancelled", N_("Cancelled") },
};

/* private helpers */

static const char *
label_of (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].word, word) == 0)
      return _(labels[i].label);
  return word;
}

static gboolean
in_range (GDateTime *at, GDateTime *from, GDateTime *to)
{
  return at != NULL && g_date_time_compare (at, from) >= 0 && g_date_time_compare (at, to) < 0;
}

static const char *
pseudonym_in (const VigilProtectionCaseData *data, const char *person_id)
{
  for (guint i = 0; person_id != NULL && i < data->persons->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (data->persons, i);

      if (g_str_equal (vigil_person_get_id (person), person_id))
        return vigil_person_get_pseudonym (person);
    }
  return NULL;
}

static VigilAgendaRow *
row_new (VigilAgendaRowKind kind, GDateTime *at, const VigilProtectionCaseData *data)
{
  VigilAgendaRow *row = g_new0 (VigilAgendaRow, 1);

  row->kind = kind;
  row->at = at != NULL ? g_date_time_ref (at) : NULL;
  row->data = data;
  return row;
}

static void
add_problems_of (GPtrArray                     *rows,
                 GPtrArray                     *problems,
                 const VigilProtectionCaseData *data,
                 VigilHearing                  *hearing,
                 const VigilProtectionData     *measure,
                 GDateTime                     *at)
{
  const char *case_id = vigil_case_get_id (data->kase);

  for (guint i = 0; i < problems->len; i++)
    {
      const VigilProtectionProblem *p = g_ptr_array_index (problems, i);
      VigilAgendaRow *row;

      if (!g_str_equal (p->case_id, case_id))
        continue;
      if (measure != NULL ? g_strcmp0 (p->measure_id, measure->id) != 0
          : hearing != NULL ? (p->measure_id != NULL
                               || g_strcmp0 (p->hearing_id, vigil_hearing_get_id (hearing)) != 0)
                            : (p->hearing_id != NULL || p->measure_id != NULL))
        continue;
      row = row_new (VIGIL_AGENDA_PROBLEM, at, data);
      row->hearing = hearing;
      row->measure = measure;
      row->problem = p;
      row->pseudonym = pseudonym_in (data, p->person_id);
      g_ptr_array_add (rows, row);
    }
}

/* public API */

void
vigil_agenda_row_free (VigilAgendaRow *row)
{
  if (row == NULL)
    return;
  g_clear_pointer (&row->at, g_date_time_unref);
  g_clear_pointer (&row->ends_at, g_date_time_unref);
  g_free (row->testifying);
  g_free (row);
}

const char *
vigil_protection_kind_label (const char *kind)
{
  return label_of (kind);
}

const char *
vigil_protection_status_label (const char *status)
{
  return label_of (status);
}

GPtrArray *
vigil_agenda_build (VigilProtectionCaseData * const *cases,
                    guint                            n_cases,
                    GPtrArray                       *problems,
                    GDateTime                       *from,
                    GDateTime                       *to,
                    gboolean                         problems_only)
{
  g_autoptr (GPtrArray) hearings = g_ptr_array_new ();
  g_autoptr (GPtrArray) owners = g_ptr_array_new ();
  GPtrArray *rows;

  g_return_val_if_fail (cases != NULL || n_cases == 0, NULL);
  g_return_val_if_fail (problems != NULL && from != NULL && to != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_agenda_row_free);

  /* At the start: what concerns a case with hearings in these days but no
   * one hearing (an overdue review), and measures over a period. */
  for (guint c = 0; c < n_cases; c++)
    {
      const VigilProtectionCaseData *data = cases[c];
      gboolean any = FALSE;

      for (guint h = 0; h < data->hearings->len; h++)
        {
          VigilHearing *hearing = g_ptr_array_index (data->hearings, h);

          if (!in_range (vigil_hearing_get_starts_at (hearing), from, to))
            continue;
          any = TRUE;
          g_ptr_array_add (hearings, hearing);
          g_ptr_array_add (owners, (gpointer) data);
        }
      if (!any)
        continue;
      add_problems_of (rows, problems, data, NULL, NULL, from);
      for (guint m = 0; m < data->measures->len; m++)
        {
          const VigilProtectionData *measure = g_ptr_array_index (data->measures, m);
          VigilAgendaRow *row;

          if (measure->hearing_id != NULL || measure->starts_at == NULL
              || measure->ends_at == NULL || g_date_time_compare (measure->ends_at, from) < 0
              || g_date_time_compare (measure->starts_at, to) >= 0)
            continue;
          if (!problems_only)
            {
              row = row_new (VIGIL_AGENDA_MEASURE, measure->starts_at, data);
              row->ends_at = g_date_time_ref (measure->ends_at);
              row->measure = measure;
              row->pseudonym = pseudonym_in (data, measure->person_id);
              g_ptr_array_add (rows, row);
            }
          add_problems_of (rows, problems, data, NULL, measure, measure->starts_at);
        }
    }

  /* Then each hearing in time order, with its measures and problems. */
  for (guint i = 0; i < hearings->len; i++)
    for (guint j = i + 1; j < hearings->len; j++)
      if (g_date_time_compare (vigil_hearing_get_starts_at (hearings->pdata[j]),
                               vigil_hearing_get_starts_at (hearings->pdata[i])) < 0)
        {
          gpointer swap = hearings->pdata[i];

          hearings->pdata[i] = hearings->pdata[j];
          hearings->pdata[j] = swap;
          swap = owners->pdata[i];
          owners->pdata[i] = owners->pdata[j];
          owners->pdata[j] = swap;
        }
  for (guint i = 0; i < hearings->len; i++)
    {
      VigilHearing *hearing = g_ptr_array_index (hearings, i);
      const VigilProtectionCaseData *data = g_ptr_array_index (owners, i);
      GDateTime *at = vigil_hearing_get_starts_at (hearing);

      if (!problems_only)
        {
          VigilAgendaRow *row = row_new (VIGIL_AGENDA_HEARING, at, data);
          GString *testifying = g_string_new (NULL);

          row->hearing = hearing;
          for (guint a = 0; a < vigil_hearing_get_n_attendees (hearing); a++)
            {
              const VigilAttendee *att = vigil_hearing_get_attendee (hearing, a);

              if (!att->testified)
                continue;
              if (testifying->len > 0)
                g_string_append (testifying, ", ");
              g_string_append (testifying, att->pseudonym);
            }
          row->testifying = g_string_free (testifying, testifying->len == 0);
          g_ptr_array_add (rows, row);
        }
      add_problems_of (rows, problems, data, hearing, NULL, at);
      for (guint m = 0; m < data->measures->len; m++)
        {
          const VigilProtectionData *measure = g_ptr_array_index (data->measures, m);

          if (g_strcmp0 (measure->hearing_id, vigil_hearing_get_id (hearing)) != 0)
            continue;
          if (!problems_only)
            {
              VigilAgendaRow *row = row_new (VIGIL_AGENDA_MEASURE,
                                             measure->starts_at != NULL ? measure->starts_at : at,
                                             data);

              row->ends_at = measure->ends_at != NULL ? g_date_time_ref (measure->ends_at) : NULL;
              row->hearing = hearing;
              row->measure = measure;
              row->pseudonym = pseudonym_in (data, measure->person_id);
              g_ptr_array_add (rows, row);
            }
          add_problems_of (rows, problems, data, hearing, measure,
                           measure->starts_at != NULL ? measure->starts_at : at);
        }
    }
  return rows;
}

static gboolean
blank (const char *text)
{
  return text == NULL || vigil_text_is_blank (text);
}

static gboolean
person_matches (const VigilAgendaRow *row, const char *pseudonym)
{
  g_autofree char *want = NULL;
  g_autofree char *have = NULL;

  if (blank (pseudonym))
    return TRUE;
  if (row->kind == VIGIL_AGENDA_HEARING)
    {
      g_autofree char *folded = vigil_text_fold (row->testifying != NULL ? row->testifying : "");
      g_autofree char *query = vigil_text_fold (pseudonym);

      return row->testifying != NULL && vigil_text_fold_matches (folded, query);
    }
  if (row->pseudonym == NULL)
    return FALSE;
  want = g_strstrip (g_ascii_strup (pseudonym, -1));
  have = g_ascii_strup (row->pseudonym, -1);
  return g_str_equal (want, have);
}

static gboolean
agency_matches (const VigilProtectionData *measure, const char *agency)
{
  g_autofree char *folded = NULL;
  g_autofree char *query = NULL;

  if (blank (agency))
    return TRUE;
  if (measure == NULL || measure->responsible == NULL)
    return FALSE;
  /* Who is responsible is sealed: compared here, in memory, and never
   * kept. */
  folded = vigil_text_fold (measure->responsible);
  query = vigil_text_fold (agency);
  return vigil_text_fold_matches (folded, query);
}

GPtrArray *
vigil_agenda_filter (GPtrArray *rows, const VigilAgendaFilter *filter)
{
  g_autoptr (GHashTable) hearings = g_hash_table_new (NULL, NULL);
  GPtrArray *kept = g_ptr_array_new ();

  g_return_val_if_fail (rows != NULL && filter != NULL, kept);

  /* First the hearings that stay: their own match, or a measure's. */
  for (guint i = 0; i < rows->len; i++)
    {
      const VigilAgendaRow *row = g_ptr_array_index (rows, i);
      gboolean court = blank (filter->court)
                       || g_strcmp0 (vigil_case_get_court (row->data->kase), filter->court) == 0;

      if (row->hearing == NULL || !court)
        continue;
      if (row->kind == VIGIL_AGENDA_HEARING && blank (filter->agency)
          && person_matches (row, filter->pseudonym))
        g_hash_table_add (hearings, row->hearing);
      else if (row->kind == VIGIL_AGENDA_MEASURE && person_matches (row, filter->pseudonym)
               && agency_matches (row->measure, filter->agency))
        g_hash_table_add (hearings, row->hearing);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      VigilAgendaRow *row = g_ptr_array_index (rows, i);
      gboolean court = blank (filter->court)
                       || g_strcmp0 (vigil_case_get_court (row->data->kase), filter->court) == 0;

      if (!court)
        continue;
      if (row->kind == VIGIL_AGENDA_HEARING)
        {
          if (g_hash_table_contains (hearings, row->hearing))
            g_ptr_array_add (kept, row);
          continue;
        }
      if (row->hearing != NULL && !g_hash_table_contains (hearings, row->hearing))
        continue;
      if (row->measure != NULL && !agency_matches (row->measure, filter->agency))
        continue;
      if (row->measure == NULL && !blank (filter->agency))
        continue;
      if (!blank (filter->pseudonym) && !person_matches (row, filter->pseudonym))
        continue;
      g_ptr_array_add (kept, row);
    }
  return kept;
}
