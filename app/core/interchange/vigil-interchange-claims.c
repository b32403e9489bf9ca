/* vigil-interchange-claims.c: what the interchange format holds of a claim
 * beyond its heads of damage (its status history, deadlines, payments and
 * the assets that could pay it), and the defendants' assets of a case
 *
 * A file written before these existed has none of them and still reads:
 * each list is optional, and an item's paid_minor, which such files
 * carried, becomes an undated payment of payer "other".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-claim-records.h"
#include "vigil-claim-status.h"
#include "vigil-ids.h"
#include "vigil-interchange-private.h"

static const Member asset_members[] = {
  { "defendant", TYPE_STRING, REQUIRED },
  { "kind", TYPE_STRING, REQUIRED },
  { "estimated_minor", TYPE_INTEGER, OPTIONAL },
  { "currency", TYPE_STRING, REQUIRED },
  { "state", TYPE_STRING, REQUIRED },
  { "description", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member change_members[] = {
  { "status", TYPE_STRING, REQUIRED },
  { "changed_on", TYPE_STRING, REQUIRED },
  { "changed_by", TYPE_STRING, OPTIONAL },
  { "reason", TYPE_STRING, OPTIONAL },
  { NULL },
};

static const Member deadline_members[] = {
  { "kind", TYPE_STRING, REQUIRED },
  { "due_on", TYPE_STRING, REQUIRED },
  { "done", TYPE_BOOLEAN, OPTIONAL },
  { NULL },
};

static const Member payment_members[] = {
  { "paid_on", TYPE_STRING, REQUIRED },
  { "amount_minor", TYPE_INTEGER, REQUIRED },
  { "payer", TYPE_STRING, REQUIRED },
  { "item_index", TYPE_INTEGER, OPTIONAL },
  { NULL },
};

/* private helpers */

/* Member @name of @object as an index into a list of @length, or -1 (with
 * a problem naming @what when it is out of range, none when absent). */
static gint64
get_index (Walk *w, JsonObject *object, const char *path, const char *name, guint length,
           const char *what)
{
  JsonNode *node = vigil_walk_get_typed (object, name, TYPE_INTEGER);
  gint64 index;

  if (node == NULL)
    return -1;
  index = json_node_get_int (node);
  if (index < 0 || index >= length)
    {
      g_autofree char *child = vigil_walk_member_path (path, name);

      vigil_interchange_add_problem (w->problems, child,
                                     _("%" G_GINT64_FORMAT " is not the index of %s (there are "
                                       "%u, counted from 0)"),
                                     index, what, length);
      return -1;
    }
  return index;
}

/* The call runs before its field and error are looked at. */
#define RECORD(w, path, call)                                                                      \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (!(call))                                                                                   \
      vigil_walk_record_problem (w, path, field, error);                                           \
  }                                                                                                \
  G_STMT_END

static void
parse_change (Walk *w, VigilClaimData *claim, JsonNode *node, const char *path)
{
  g_autoptr (VigilClaimStatusChange) change = vigil_claim_status_change_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *status = NULL, *reason = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, change_members);

  if (object == NULL)
    return;
  vigil_walk_get_word (w, object, path, "status", vigil_claim_statuses, _("status of a claim"),
                       &status);
  vigil_walk_get_word (w, object, path, "reason", vigil_claim_reasons, _("reason"), &reason);
  if (w->problems->len > before)
    return;
  change->status = g_strdup (status);
  change->reason = g_strdup (reason);
  change->changed_on = g_strdup (vigil_walk_get_string (object, "changed_on"));
  change->changed_by = g_strdup (vigil_walk_get_string (object, "changed_by"));
  RECORD (w, path, vigil_claim_status_change_validate (change, &field, &error));
  g_ptr_array_add (claim->history, g_steal_pointer (&change));
}

static void
parse_deadline (Walk *w, VigilClaimData *claim, JsonNode *node, const char *path)
{
  g_autoptr (VigilClaimDeadline) deadline = vigil_claim_deadline_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *kind = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, deadline_members);

  if (object == NULL)
    return;
  vigil_walk_get_word (w, object, path, "kind", vigil_claim_deadline_kinds, _("kind of deadline"),
                       &kind);
  if (w->problems->len > before)
    return;
  deadline->kind = g_strdup (kind);
  deadline->due_on = g_strdup (vigil_walk_get_string (object, "due_on"));
  deadline->done = vigil_walk_get_boolean (object, "done");
  RECORD (w, path, vigil_claim_deadline_validate (deadline, &field, &error));
  g_ptr_array_add (claim->deadlines, g_steal_pointer (&deadline));
}

static void
parse_payment (Walk *w, VigilClaimData *claim, guint n_items, JsonNode *node, const char *path)
{
  g_autoptr (VigilClaimPayment) payment = vigil_claim_payment_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *payer = NULL;
  guint before = w->problems->len;
  JsonObject *object = vigil_walk_check_object (w, path, node, payment_members);
  gint64 index;

  if (object == NULL)
    return;
  vigil_walk_get_word (w, object, path, "payer", vigil_claim_payers, _("payer"), &payer);
  index = get_index (w, object, path, "item_index", n_items, _("a head of damage of this claim"));
  if (w->problems->len > before)
    return;
  payment->payer = g_strdup (payer);
  payment->paid_on = g_strdup (vigil_walk_get_string (object, "paid_on"));
  payment->amount_minor
      = json_node_get_int (vigil_walk_get_typed (object, "amount_minor", TYPE_INTEGER));
  /* Every item was valid (or there are problems already): the index is
   * the item's place in the claim. */
  if (index >= 0 && (guint) index < claim->items->len)
    payment->item_id
        = g_strdup (((VigilClaimItemData *) g_ptr_array_index (claim->items, index))->id);
  RECORD (w, path, vigil_claim_payment_validate (payment, &field, &error));
  g_ptr_array_add (claim->payments, g_steal_pointer (&payment));
}

static void
parse_claim_list (Walk           *w,
                  VigilPlanCase  *plan,
                  VigilClaimData *claim,
                  JsonObject     *object,
                  const char     *path,
                  const char     *name)
{
  JsonArray *array = vigil_walk_get_array (object, name);
  JsonArray *items = vigil_walk_get_array (object, "items");
  guint n_items = items != NULL ? json_array_get_length (items) : 0;
  g_autofree char *list_path = vigil_walk_member_path (path, name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *child = vigil_walk_index_path (list_path, i);
      JsonNode *node = json_array_get_element (array, i);

      if (g_str_equal (name, "status_history"))
        parse_change (w, claim, node, child);
      else if (g_str_equal (name, "deadlines"))
        parse_deadline (w, claim, node, child);
      else if (g_str_equal (name, "payments"))
        parse_payment (w, claim, n_items, node, child);
      else if (json_node_get_value_type (node) != G_TYPE_INT64)
        vigil_interchange_add_problem (w->problems, child,
                                       _("expected the index of an asset of this case"));
      else
        {
          gint64 index = json_node_get_int (node);
          VigilClaimAssetLink *link;

          if (index < 0 || index >= plan->assets->len)
            {
              vigil_interchange_add_problem (w->problems, child,
                                             _("%" G_GINT64_FORMAT " is not the index of an "
                                               "asset of this case (there are %u, counted "
                                               "from 0)"),
                                             index, plan->assets->len);
              continue;
            }
          link = vigil_claim_asset_link_new ();
          link->asset_id = g_strdup (
              ((VigilDefendantAsset *) g_ptr_array_index (plan->assets, index))->id);
          g_ptr_array_add (claim->asset_links, link);
        }
    }
}

/* private API (vigil-interchange-private.h) */

void
vigil_interchange_parse_asset (Walk          *w,
                               VigilPlanCase *plan,
                               GHashTable    *seen,
                               JsonNode      *node,
                               const char    *path)
{
  g_autoptr (VigilDefendantAsset) asset = vigil_defendant_asset_new ();
  g_autoptr (GError) error = NULL;
  const char *field = NULL;
  const char *kind = NULL, *state = NULL;
  JsonObject *object = vigil_walk_check_object (w, path, node, asset_members);
  JsonNode *estimate;
  VigilPerson *defendant;

  /* Kept in its place even when wrong, so that claims' indexes into the
   * list stay right; a file with problems is never written anyway. */
  asset->id = vigil_uuid_new ();
  if (object == NULL)
    {
      g_ptr_array_add (plan->assets, g_steal_pointer (&asset));
      return;
    }
  defendant = vigil_interchange_find_person (w, plan, seen, object, path, "defendant");
  if (defendant != NULL && vigil_person_get_role (defendant) != VIGIL_PERSON_ROLE_DEFENDANT)
    {
      g_autofree char *child = vigil_walk_member_path (path, "defendant");

      vigil_interchange_add_problem (w->problems, child,
                                     _("an asset is a defendant's: %s is not a defendant"),
                                     vigil_person_get_pseudonym (defendant));
    }
  vigil_walk_get_word (w, object, path, "kind", vigil_asset_kinds, _("kind of asset"), &kind);
  vigil_walk_get_word (w, object, path, "state", vigil_asset_states, _("state of an asset"),
                       &state);
  asset->case_id = g_strdup (vigil_case_get_id (plan->kase));
  asset->defendant_id = defendant != NULL ? g_strdup (vigil_person_get_id (defendant)) : NULL;
  asset->kind = g_strdup (kind);
  asset->state = g_strdup (state);
  asset->currency = g_strdup (vigil_walk_get_string (object, "currency"));
  estimate = vigil_walk_get_typed (object, "estimated_minor", TYPE_INTEGER);
  asset->has_estimate = estimate != NULL;
  asset->estimated_minor = estimate != NULL ? json_node_get_int (estimate) : 0;
  asset->description = g_strdup (vigil_walk_get_string (object, "description"));
  if (kind != NULL && state != NULL)
    RECORD (w, path, vigil_defendant_asset_validate (asset, &field, &error));
  g_ptr_array_add (plan->assets, g_steal_pointer (&asset));
}

void
vigil_interchange_parse_claim_parts (Walk           *w,
                                     VigilPlanCase  *plan,
                                     VigilClaimData *claim,
                                     JsonObject     *object,
                                     const char     *path)
{
  parse_claim_list (w, plan, claim, object, path, "status_history");
  parse_claim_list (w, plan, claim, object, path, "deadlines");
  parse_claim_list (w, plan, claim, object, path, "payments");
  parse_claim_list (w, plan, claim, object, path, "asset_indexes");
}
