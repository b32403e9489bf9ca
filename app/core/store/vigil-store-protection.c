/* vigil-store-protection.c: what is arranged to protect a person
 *
 * Who is responsible and the details (places, times of movement, contacts)
 * are whereabouts: they are sealed under the protected person's key, so
 * erasing the person shreds them with everything else that is theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-store-protection.h"
#include "vigil-record-mapper.h"



/* private helpers */

static const VigilField measure_fields[] = {
  { "person_id", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, person_id) },
  { "hearing_id", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, hearing_id) },
  { "kind", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, kind),
    .vocabulary = vigil_protection_kinds },
  { "status", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, status),
    .vocabulary = vigil_protection_statuses },
  { "starts_at", VIGIL_FIELD_TIME, .offset = G_STRUCT_OFFSET (VigilProtectionData, starts_at) },
  { "ends_at", VIGIL_FIELD_TIME, .offset = G_STRUCT_OFFSET (VigilProtectionData, ends_at) },
  { "responsible", VIGIL_FIELD_SEALED,
    .offset = G_STRUCT_OFFSET (VigilProtectionData, responsible) },
  { "details", VIGIL_FIELD_SEALED, .offset = G_STRUCT_OFFSET (VigilProtectionData, details) },
  { NULL },
};

static const VigilRecordKind measure_kind = {
  .table = "protection_measures",
  .record_kind = "protection_measure",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = measure_fields,
  .struct_new = (gpointer (*) (void)) vigil_protection_data_new,
  .struct_free = (GDestroyNotify) vigil_protection_data_free,
  .id_offset = G_STRUCT_OFFSET (VigilProtectionData, id),
  .parent_offset = G_STRUCT_OFFSET (VigilProtectionData, case_id),
  .version_offset = G_STRUCT_OFFSET (VigilProtectionData, version),
  .not_found = N_("The protection measure does not exist"),
  .cannot_read = N_("The protection measure could not be read"),
  .cannot_read_list = N_("The protection measures could not be read"),
  .cannot_save = N_("The protection measure could not be saved"),
  .cannot_delete = N_("The protection measure could not be deleted"),
};

/* The person and the hearing a measure is arranged for are of its case. */
static gboolean
check_same_case (VigilStore *self, gpointer record, GError **error)
{
  const VigilProtectionData *data = record;
  g_autofree char *person_case = NULL;
  g_autofree char *hearing_case = NULL;

  person_case = vigil_store_case_of (self, "persons", data->person_id, error);
  if (person_case == NULL)
    return FALSE;
  if (data->hearing_id != NULL)
    {
      hearing_case = vigil_store_case_of (self, "hearings", data->hearing_id, error);
      if (hearing_case == NULL)
        return FALSE;
    }
  if (!g_str_equal (person_case, data->case_id)
      || (hearing_case != NULL && !g_str_equal (hearing_case, data->case_id)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The person or the hearing of the measure belongs to another case"));
      return FALSE;
    }
  return TRUE;
}

/* public API */

/**
 * vigil_store_add_protection_measure:
 * @data: the measure; its person and hearing (when set) must be of its case
 *
 * Creates the measure at version 1, seals who is responsible and the
 * details under the person's key and writes the "create" audit entry, in
 * one transaction.
 */
gboolean
vigil_store_add_protection_measure (VigilStore *self, VigilProtectionData *data, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->case_id != NULL && data->person_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_protection_data_validate (data, NULL, error))
    return FALSE;
  return vigil_record_create (self, &measure_kind, data, check_same_case, NULL, error);
}

/**
 * vigil_store_list_protection_measures:
 *
 * Returns: (transfer full) (element-type VigilProtectionData): the measures
 *   of the case with their sealed fields opened, in the order they were made
 */
GPtrArray *
vigil_store_list_protection_measures (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &measure_kind, case_id, error);
}
