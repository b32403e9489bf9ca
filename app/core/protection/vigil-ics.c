/* vigil-ics.c: the protection plan of some days as an iCalendar file
 *
 * Written here rather than through libical: an export with places holds
 * whereabouts sealed in the vault (who escorts a victim, from where, when),
 * and every copy of them is wiped before it is freed, as for identities
 * ("Identities in memory" in the README); libical keeps its own copies of
 * each property, out of reach. What is written is little (VEVENTs of a few
 * properties), and the tests read it back with Debian's python3-icalendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-protection"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "vigil-agenda.h"
#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-ics.h"

#define HEARING_HOURS 4

/* private helpers */

/* A content line, folded so that no line is longer than 75 octets (the
 * CRLF apart), never inside a UTF-8 character. */
static void
add_line (GString *out, const char *name, const char *value)
{
  g_autoptr (GString) line = g_string_new (name);
  gsize width = 0;

  g_string_append_c (line, ':');
  g_string_append (line, value);
  for (const char *p = line->str; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gsize len = next - p;

      if (width + len > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, len);
      width += len;
      p = next;
    }
  g_string_append (out, "\r\n");
  sodium_memzero (line->str, line->len);
}

/* TEXT escaping of RFC 5545 3.3.11. */
static void
add_text (GString *out, const char *name, const char *text)
{
  g_autoptr (GString) escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (escaped, "\\\\");
        break;
      case ';':
        g_string_append (escaped, "\\;");
        break;
      case ',':
        g_string_append (escaped, "\\,");
        break;
      case '\n':
        g_string_append (escaped, "\\n");
        break;
      case '\r':
        break;
      default:
        g_string_append_c (escaped, *p);
      }
  add_line (out, name, escaped->str);
  sodium_memzero (escaped->str, escaped->len);
}

static void
add_time (GString *out, const char *name, GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  add_line (out, name, text);
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
  return "?";
}

static char *
place_of (const VigilProtectionCaseData *data, VigilHearing *hearing)
{
  const char *room = hearing != NULL ? vigil_hearing_get_room (hearing) : NULL;

  return room != NULL ? g_strdup_printf ("%s, %s", vigil_case_get_court (data->kase), room)
                      : g_strdup (vigil_case_get_court (data->kase));
}

/* The hearing's time, or where it moved to after @from..@to held it. */
static gboolean
hearing_in_days (const VigilProtectionCaseData *data,
                 VigilHearing                  *hearing,
                 GDateTime                     *from,
                 GDateTime                     *to)
{
  GDateTime *at = vigil_hearing_get_starts_at (hearing);

  if (g_date_time_compare (at, from) >= 0 && g_date_time_compare (at, to) < 0)
    return TRUE;
  for (guint i = 0; i < data->moves->len; i++)
    {
      VigilHearingMove *move = g_ptr_array_index (data->moves, i);

      if (g_str_equal (move->hearing_id, vigil_hearing_get_id (hearing))
          && g_date_time_compare (move->old_starts_at, from) >= 0
          && g_date_time_compare (move->old_starts_at, to) < 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_hearing (GString                       *out,
             const VigilProtectionCaseData *data,
             VigilHearing                  *hearing,
             GDateTime                     *now,
             VigilIcsFlags                  flags)
{
  GDateTime *at = vigil_hearing_get_starts_at (hearing);
  g_autoptr (GDateTime) end = g_date_time_add_hours (at, HEARING_HOURS);
  g_autofree char *uid = g_strdup_printf ("%s@hearing.vigil", vigil_hearing_get_id (hearing));
  g_autofree char *sequence = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               vigil_hearing_get_version (hearing));
  g_autoptr (GString) summary = g_string_new (NULL);
  const char *kind = vigil_enum_to_nick (VIGIL_TYPE_HEARING_KIND, vigil_hearing_get_kind (hearing));
  gboolean any = FALSE;

  g_string_printf (summary, _("Hearing (%s)"), kind);
  for (guint a = 0; a < vigil_hearing_get_n_attendees (hearing); a++)
    {
      const VigilAttendee *att = vigil_hearing_get_attendee (hearing, a);

      if (!att->testified)
        continue;
      g_string_append (summary, any ? ", " : _(": testifying "));
      g_string_append (summary, att->pseudonym);
      any = TRUE;
    }

  g_string_append (out, "BEGIN:VEVENT\r\n");
  add_line (out, "UID", uid);
  add_time (out, "DTSTAMP", now);
  add_time (out, "DTSTART", at);
  add_time (out, "DTEND", end);
  add_line (out, "SEQUENCE", sequence);
  add_line (out, "STATUS",
            vigil_hearing_get_status (hearing) == VIGIL_HEARING_STATUS_ADJOURNED ? "CANCELLED"
                                                                                 : "CONFIRMED");
  add_text (out, "SUMMARY", summary->str);
  if (flags & VIGIL_ICS_WITH_PLACES)
    {
      g_autofree char *place = place_of (data, hearing);
      g_autofree char *description = g_strdup_printf (_("Case %s"),
                                                      vigil_case_get_reference (data->kase));

      add_text (out, "LOCATION", place);
      add_text (out, "DESCRIPTION", description);
    }
  g_string_append (out, "END:VEVENT\r\n");
}

static void
add_measure (GString                       *out,
             const VigilProtectionCaseData *data,
             const VigilProtectionData     *measure,
             VigilHearing                  *hearing,
             GDateTime                     *now,
             VigilIcsFlags                  flags)
{
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  g_autofree char *uid = g_strdup_printf ("%s@measure.vigil", measure->id);
  g_autofree char *sequence = g_strdup_printf ("%" G_GINT64_FORMAT, measure->version);
  g_autofree char *summary = NULL;
  const char *status;

  /* A window the hearing moved out of is not where the measure now
   * happens: it goes with its hearing, and the rules say it needs
   * rearranging. */
  if (measure->starts_at != NULL && measure->ends_at != NULL
      && (hearing == NULL
          || (g_date_time_compare (measure->starts_at, vigil_hearing_get_starts_at (hearing)) <= 0
              && g_date_time_compare (vigil_hearing_get_starts_at (hearing), measure->ends_at)
                   <= 0)))
    {
      start = g_date_time_ref (measure->starts_at);
      end = g_date_time_ref (measure->ends_at);
    }
  else if (hearing != NULL)
    {
      start = g_date_time_ref (vigil_hearing_get_starts_at (hearing));
      end = g_date_time_add_hours (start, HEARING_HOURS);
    }
  else
    return;

  if (g_str_equal (measure->status, "cancelled")
      || (hearing != NULL && vigil_hearing_get_status (hearing) == VIGIL_HEARING_STATUS_ADJOURNED))
    status = "CANCELLED";
  else if (g_str_equal (measure->status, "requested"))
    status = "TENTATIVE";
  else
    status = "CONFIRMED";
  summary = g_strdup_printf (_("%s for %s"), vigil_protection_kind_label (measure->kind),
                             pseudonym_in (data, measure->person_id));

  g_string_append (out, "BEGIN:VEVENT\r\n");
  add_line (out, "UID", uid);
  add_time (out, "DTSTAMP", now);
  add_time (out, "DTSTART", start);
  add_time (out, "DTEND", end);
  add_line (out, "SEQUENCE", sequence);
  add_line (out, "STATUS", status);
  add_text (out, "SUMMARY", summary);
  if (hearing != NULL)
    {
      g_autofree char *related = g_strdup_printf ("%s@hearing.vigil",
                                                  vigil_hearing_get_id (hearing));

      add_line (out, "RELATED-TO", related);
    }
  if (flags & VIGIL_ICS_WITH_PLACES)
    {
      g_autofree char *place = place_of (data, hearing);
      g_autoptr (GString) description = g_string_new (NULL);

      add_text (out, "LOCATION", place);
      g_string_printf (description, _("Case %s"), vigil_case_get_reference (data->kase));
      if (measure->responsible != NULL)
        g_string_append_printf (description, _("\nResponsible: %s"), measure->responsible);
      if (measure->details != NULL)
        g_string_append_printf (description, _("\nDetails: %s"), measure->details);
      add_text (out, "DESCRIPTION", description->str);
      sodium_memzero (description->str, description->len);
    }
  g_string_append (out, "END:VEVENT\r\n");
}

/* public API */

char *
vigil_ics_render (VigilProtectionCaseData * const *cases,
                  guint                            n_cases,
                  GDateTime                       *from,
                  GDateTime                       *to,
                  GDateTime                       *now,
                  VigilIcsFlags                    flags,
                  guint                           *out_events)
{
  /* Sized for weeks of events up front: a buffer GString gives up while
   * growing keeps the places written so far, unwiped. */
  GString *out = g_string_sized_new (64 * 1024);
  guint events = 0;

  g_return_val_if_fail (cases != NULL || n_cases == 0, NULL);
  g_return_val_if_fail (from != NULL && to != NULL && now != NULL, NULL);

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", "-//Vigil//Protection agenda//EN");
  add_line (out, "CALSCALE", "GREGORIAN");
  add_line (out, "METHOD", "PUBLISH");
  for (guint c = 0; c < n_cases; c++)
    {
      const VigilProtectionCaseData *data = cases[c];

      for (guint h = 0; h < data->hearings->len; h++)
        {
          VigilHearing *hearing = g_ptr_array_index (data->hearings, h);

          if (!hearing_in_days (data, hearing, from, to))
            continue;
          add_hearing (out, data, hearing, now, flags);
          events++;
          for (guint m = 0; m < data->measures->len; m++)
            {
              const VigilProtectionData *measure = g_ptr_array_index (data->measures, m);

              if (g_strcmp0 (measure->hearing_id, vigil_hearing_get_id (hearing)) != 0)
                continue;
              add_measure (out, data, measure, hearing, now, flags);
              events++;
            }
        }
      for (guint m = 0; m < data->measures->len; m++)
        {
          const VigilProtectionData *measure = g_ptr_array_index (data->measures, m);

          if (measure->hearing_id != NULL || measure->starts_at == NULL
              || measure->ends_at == NULL || g_date_time_compare (measure->ends_at, from) < 0
              || g_date_time_compare (measure->starts_at, to) >= 0)
            continue;
          add_measure (out, data, measure, NULL, now, flags);
          events++;
        }
    }
  g_string_append (out, "END:VCALENDAR\r\n");
  if (out_events != NULL)
    *out_events = events;
  return g_string_free (out, FALSE);
}

void
vigil_ics_free (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

gboolean
vigil_ics_write_file (VigilProtectionCaseData * const *cases,
                      guint                            n_cases,
                      GDateTime                       *from,
                      GDateTime                       *to,
                      VigilIcsFlags                    flags,
                      const char                      *path,
                      guint                           *out_events,
                      GError                         **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) local = NULL;
  char *text;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_lstat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("%s is not an ordinary file; Vigil writes exports only to ordinary files"),
                   path);
      return FALSE;
    }
  text = vigil_ics_render (cases, n_cases, from, to, now, flags, out_events);
  ok = g_file_set_contents_full (path, text, strlen (text),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local);
  vigil_ics_free (text);
  if (!ok)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("%s could not be written: %s"), path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}
