/* vigil-identity.c: who a person really is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-field-problem.h"
#include "vigil-identity.h"
#include "vigil-record-private.h"

#define MAX_ADDRESS 500

G_DEFINE_BOXED_TYPE (VigilIdentity, vigil_identity, vigil_identity_copy, vigil_identity_free)

/* private helpers */

static void
wipe_string (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

static void
wipe_strv (char **strv)
{
  if (strv == NULL)
    return;
  for (guint i = 0; strv[i] != NULL; i++)
    wipe_string (strv[i]);
  g_free (strv);
}

static gboolean
strv_is_empty (char **strv)
{
  if (strv == NULL)
    return TRUE;
  for (guint i = 0; strv[i] != NULL; i++)
    if (!vigil_text_is_blank (strv[i]))
      return FALSE;
  return TRUE;
}

static gboolean
text_is_valid (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

static gboolean
strv_is_valid (char **strv)
{
  if (strv == NULL)
    return TRUE;
  for (guint i = 0; strv[i] != NULL; i++)
    if (!g_utf8_validate (strv[i], -1, NULL))
      return FALSE;
  return TRUE;
}

/* Parses YYYY-MM-DD strictly: four, two and two digits, a real date. */
static GDate *
parse_date (const char *text)
{
  guint year, month, day;
  GDate *date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;
  date = g_date_new_dmy (day, month, year);
  return date;
}

/* public API */

VigilIdentity *
vigil_identity_new (void)
{
  return g_new0 (VigilIdentity, 1);
}

VigilIdentity *
vigil_identity_copy (const VigilIdentity *self)
{
  VigilIdentity *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = vigil_identity_new ();
  copy->full_name = g_strdup (self->full_name);
  copy->aliases = g_strdupv (self->aliases);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  copy->nationality = g_strdup (self->nationality);
  copy->languages = g_strdupv (self->languages);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdup (self->address);
  return copy;
}

/* Overwrites every string before freeing it: an identity is the most
 * sensitive thing Vigil holds, and freed heap memory outlives the object. */
void
vigil_identity_free (VigilIdentity *self)
{
  if (self == NULL)
    return;
  wipe_string (self->full_name);
  wipe_strv (self->aliases);
  wipe_string (self->date_of_birth);
  wipe_string (self->nationality);
  wipe_strv (self->languages);
  wipe_string (self->phone);
  wipe_string (self->address);
  g_free (self);
}

gboolean
vigil_identity_is_empty (const VigilIdentity *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return vigil_text_is_blank (self->full_name) && strv_is_empty (self->aliases)
         && vigil_text_is_blank (self->date_of_birth)
         && vigil_text_is_blank (self->nationality) && strv_is_empty (self->languages)
         && vigil_text_is_blank (self->phone) && vigil_text_is_blank (self->address);
}

static void
check_list (GPtrArray *problems, char **values, const char *field, const char *label)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    vigil_field_check_line (problems, values[i], VIGIL_LINE_MAX, field, label);
}

/* Messages never repeat the value: they may end up in a log or a bug
 * report, and the value is part of who the person is. */
GPtrArray *
vigil_identity_check (const VigilIdentity *self)
{
  g_autoptr (GPtrArray) problems = vigil_field_problems_new ();

  g_return_val_if_fail (self != NULL, NULL);

  if (!text_is_valid (self->full_name) || !strv_is_valid (self->aliases)
      || !text_is_valid (self->date_of_birth) || !text_is_valid (self->nationality)
      || !strv_is_valid (self->languages) || !text_is_valid (self->phone)
      || !text_is_valid (self->address))
    {
      g_ptr_array_add (problems,
                       vigil_field_problem_new ("identity", FALSE,
                                                _("Identity: a field holds text that is not "
                                                  "valid UTF-8")));
      return g_steal_pointer (&problems);
    }

  vigil_field_check_line (problems, self->full_name, VIGIL_LINE_MAX, "full_name", _("Full name"));
  check_list (problems, self->aliases, "aliases", _("Other names"));
  if (!vigil_text_is_blank (self->date_of_birth))
    {
      g_autoptr (GDate) date = parse_date (self->date_of_birth);
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr (GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_year (now));

      if (date == NULL)
        g_ptr_array_add (problems,
                         vigil_field_problem_new ("date_of_birth", FALSE,
                                                  _("Date of birth is not a date in the form "
                                                    "YYYY-MM-DD")));
      else if (g_date_get_year (date) < 1900)
        g_ptr_array_add (problems,
                         vigil_field_problem_new ("date_of_birth", FALSE,
                                                  _("Date of birth is before 1900; check the "
                                                    "year")));
      else if (g_date_compare (date, today) > 0)
        g_ptr_array_add (problems, vigil_field_problem_new ("date_of_birth", FALSE,
                                                            _("Date of birth is in the future")));
    }
  vigil_field_check_line (problems, self->nationality, VIGIL_LINE_MAX, "nationality",
                          _("Nationality"));
  check_list (problems, self->languages, "languages", _("Languages"));
  vigil_field_check_line (problems, self->phone, VIGIL_LINE_MAX, "phone", _("Phone"));
  if (!vigil_text_is_blank (self->phone))
    {
      gboolean has_digit = FALSE;

      for (const char *p = self->phone; *p != '\0'; p++)
        has_digit |= g_ascii_isdigit (*p);
      if (!has_digit)
        g_ptr_array_add (problems,
                         vigil_field_problem_new ("phone", FALSE, _("Phone holds no digits")));
    }
  /* A postal address may take several lines. */
  if (self->address != NULL && g_utf8_strlen (self->address, -1) > MAX_ADDRESS)
    g_ptr_array_add (problems,
                     vigil_field_problem_new ("address", FALSE,
                                              _("Address is longer than %d characters"),
                                              MAX_ADDRESS));
  return g_steal_pointer (&problems);
}

gboolean
vigil_identity_validate (const VigilIdentity *self, GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  problems = vigil_identity_check (self);
  return vigil_field_problems_to_error (problems, error);
}
