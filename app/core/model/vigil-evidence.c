/* vigil-evidence.c: a document attached to a compensation claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-evidence.h"
#include "vigil-record-rules.h"

#define TITLE_MAX_CHARS 255

/* public API */

VigilEvidenceData *
vigil_evidence_data_new (void)
{
  return g_new0 (VigilEvidenceData, 1);
}

void
vigil_evidence_data_free (VigilEvidenceData *data)
{
  if (data == NULL)
    return;
  g_free (data->id);
  g_free (data->claim_id);
  g_free (data->claim_item_id);
  g_free (data->case_id);
  g_free (data->claimant_id);
  /* A file's name can name the person it is about. */
  vigil_record_wipe_string (data->title);
  g_free (data->mime_type);
  g_free (data->stream_header);
  g_clear_pointer (&data->created_at, g_date_time_unref);
  g_free (data);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
vigil_evidence_title_validate (const char *title, GError **error)
{
  if (title == NULL || (g_utf8_validate (title, -1, NULL) && is_blank (title)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Title: a document needs a name"));
      return FALSE;
    }
  if (!g_utf8_validate (title, -1, NULL))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("Title: the name is not text"));
      return FALSE;
    }
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                     _("Title: the name must be one line without control characters"));
        return FALSE;
      }
  if (g_utf8_strlen (title, -1) > TITLE_MAX_CHARS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Title: the name is longer than %d characters"), TITLE_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}
