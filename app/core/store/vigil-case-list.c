/* vigil-case-list.c: the cases of a store as a GListModel
 *
 * The list keeps its VigilCase objects for as long as the cases exist and
 * updates them in place, so a row bound to one follows its changes through
 * property notifications; items-changed says only which positions came,
 * went or moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-case-list"

#include "config.h"

#include "vigil-case-list.h"
#include "vigil-error.h"
#include "vigil-record-private.h"
#include "vigil-store-private.h"

struct _VigilCaseList
{
  GObject    parent_instance;

  /* Weak: the store owns its list, and a list must not keep a locked
   * vault's store alive. */
  GWeakRef   store;
  GPtrArray *items; /* VigilCase, in vigil_case_compare() order */
};

static void vigil_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilCaseList, vigil_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigil_case_list_model_init))

/* private helpers */

static int
index_of_id (VigilCaseList *self, const char *case_id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (vigil_case_get_id (g_ptr_array_index (self->items, i)), case_id))
      return (int) i;
  return -1;
}

/* Where @kase goes among the items (which do not hold it). */
static guint
insertion_point (VigilCaseList *self, VigilCase *kase)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (vigil_case_compare (g_ptr_array_index (self->items, mid), kase) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
report_error (GError *error)
{
  /* A locked vault empties nothing and says nothing: the window is about to
   * go back to the unlock screen anyway. */
  if (!g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_LOCKED))
    g_warning ("The case list could not be updated: %s", error->message);
}

/* Brings one case up to date: the common case of a save or an erase. */
static void
update_one (VigilCaseList *self, VigilStore *store, const char *case_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = vigil_store_query_cases (store, case_id, FALSE, &error);
  int at = index_of_id (self, case_id);
  VigilCase *fresh;
  g_autoptr (VigilCase) existing = NULL;
  guint to;

  if (found == NULL)
    {
      report_error (error);
      return;
    }

  if (found->len == 0)
    {
      if (at >= 0)
        {
          g_ptr_array_remove_index (self->items, at);
          g_list_model_items_changed (G_LIST_MODEL (self), at, 1, 0);
        }
      return;
    }

  fresh = g_ptr_array_index (found, 0);
  if (at < 0)
    {
      to = insertion_point (self, fresh);
      g_ptr_array_insert (self->items, to, g_object_ref (fresh));
      g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
      return;
    }

  /* Take it out, update it, and put it back where its reference now sorts. */
  existing = g_ptr_array_steal_index (self->items, at);
  vigil_case_update_from (existing, fresh);
  to = insertion_point (self, existing);
  g_ptr_array_insert (self->items, to, g_object_ref (existing));
  if (to != (guint) at)
    {
      guint first = MIN (to, (guint) at);
      guint span = MAX (to, (guint) at) - first + 1;

      g_list_model_items_changed (G_LIST_MODEL (self), first, span, span);
    }
}

static void
on_case_changed (VigilStore *store, const char *case_id, VigilCaseList *self)
{
  update_one (self, store, case_id);
}

/* Another program wrote to the vault: which cases changed is not known. */
static void
on_changed_elsewhere (VigilStore *store, VigilCaseList *self)
{
  g_autoptr (GError) error = NULL;

  if (!vigil_case_list_reload (self, &error))
    report_error (error);
}

/* GListModel */

static GType
vigil_case_list_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_CASE;
}

static guint
vigil_case_list_get_n_items (GListModel *model)
{
  return VIGIL_CASE_LIST (model)->items->len;
}

static gpointer
vigil_case_list_get_item (GListModel *model, guint position)
{
  VigilCaseList *self = VIGIL_CASE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
vigil_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_case_list_get_item_type;
  iface->get_n_items = vigil_case_list_get_n_items;
  iface->get_item = vigil_case_list_get_item;
}

/* GObject overrides */

static void
vigil_case_list_finalize (GObject *object)
{
  VigilCaseList *self = VIGIL_CASE_LIST (object);

  g_weak_ref_clear (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_case_list_parent_class)->finalize (object);
}

static void
vigil_case_list_class_init (VigilCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_case_list_finalize;
}

static void
vigil_case_list_init (VigilCaseList *self)
{
  g_weak_ref_init (&self->store, NULL);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* public API */

/**
 * vigil_case_list_new:
 * @store: the store whose cases to list
 *
 * Loads the cases now and follows the store's "case-changed" and
 * "changed-elsewhere" from then on.
 * vigil_store_get_case_list() gives the store's own list; this makes
 * another.
 *
 * Returns: (transfer full): the list
 */
VigilCaseList *
vigil_case_list_new (VigilStore *store)
{
  g_autoptr (GError) error = NULL;
  VigilCaseList *self;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  self = g_object_new (VIGIL_TYPE_CASE_LIST, NULL);
  g_weak_ref_set (&self->store, store);
  /* Disconnected when the list goes. */
  g_signal_connect_object (store, "case-changed", G_CALLBACK (on_case_changed), self, 0);
  g_signal_connect_object (store, "changed-elsewhere", G_CALLBACK (on_changed_elsewhere), self,
                           0);
  if (!vigil_case_list_reload (self, &error))
    report_error (error);
  return self;
}

/**
 * vigil_case_list_reload:
 *
 * Reads every case again. Cases that were already listed keep their
 * objects, updated in place; items-changed covers only the span between
 * the first and the last position that differs.
 */
gboolean
vigil_case_list_reload (VigilCaseList *self, GError **error)
{
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GPtrArray) old = NULL;
  g_autoptr (GHashTable) by_id = NULL;
  guint old_len, new_len, prefix = 0, suffix = 0;

  g_return_val_if_fail (VIGIL_IS_CASE_LIST (self), FALSE);

  store = g_weak_ref_get (&self->store);
  if (store == NULL)
    return TRUE;
  fresh = vigil_store_query_cases (store, NULL, FALSE, error);
  if (fresh == NULL)
    return FALSE;

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->items->len; i++)
    {
      VigilCase *kase = g_ptr_array_index (self->items, i);

      g_hash_table_insert (by_id, (gpointer) vigil_case_get_id (kase), kase);
    }
  for (guint i = 0; i < fresh->len; i++)
    {
      VigilCase *loaded = g_ptr_array_index (fresh, i);
      VigilCase *kept = g_hash_table_lookup (by_id, vigil_case_get_id (loaded));

      if (kept != NULL)
        {
          vigil_case_update_from (kept, loaded);
          g_ptr_array_index (fresh, i) = g_object_ref (kept);
          g_object_unref (loaded);
        }
    }

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&fresh);
  old_len = old->len;
  new_len = self->items->len;
  while (prefix < old_len && prefix < new_len
         && g_ptr_array_index (old, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix
         && g_ptr_array_index (old, old_len - 1 - suffix)
              == g_ptr_array_index (self->items, new_len - 1 - suffix))
    suffix++;
  if (prefix < old_len || prefix < new_len)
    if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix,
                                  new_len - prefix - suffix);
  return TRUE;
}

/**
 * vigil_store_get_case_list:
 *
 * The store does not know its list: the list follows the store's
 * "case-changed", and the store keeps it only as data attached to it, so
 * that the store's files never call the list that calls them.
 *
 * Returns: (transfer none): the live list of every case, the same object on
 *   every call
 */
GListModel *
vigil_store_get_case_list (VigilStore *store)
{
  VigilCaseList *list;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  list = g_object_get_data (G_OBJECT (store), "vigil-case-list");
  if (list == NULL)
    {
      list = vigil_case_list_new (store);
      g_object_set_data_full (G_OBJECT (store), "vigil-case-list", list, g_object_unref);
    }
  return G_LIST_MODEL (list);
}
