/* vigil-unlock-page.c: create a vault, or unlock one with its passphrase
 *
 * Key derivation takes a second or more by design, so it runs in a
 * worker thread (vigil_vault_*_async) while the form waits, insensitive,
 * with a spinner. The passphrase leaves the entry as soon as it was handed
 * to the vault, which copies it into guarded memory.
 *
 * Keys typed meanwhile are kept, not lost to the insensitive form, and
 * handed back in order once the vault has answered. Text typed straight
 * after Enter is taken for the passphrase typed again: when the unlock
 * fails it goes into the passphrase field, and when it succeeds it is
 * dropped, never shown (the case list would take it for a search). From
 * the first shortcut on (Ctrl+F, Ctrl+N…), the keys are meant for the
 * unlocked window, and reach it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-unlock-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-gui-util.h"
#include "vigil-passphrase.h"
#include "vigil-unlock-page.h"

struct _VigilUnlockPage
{
  AdwBin        parent_instance;

  /* template children */
  GtkLabel     *title_label;
  GtkLabel     *description_label;
  GtkListBox   *form_list;
  AdwEntryRow  *passphrase_row;
  AdwEntryRow  *confirm_row;
  GtkLabel     *hint_label;
  GtkWidget    *message_box;
  GtkLabel     *message_label;
  GtkButton    *submit_button;
  GtkSpinner   *spinner;
  GtkLabel     *submit_label;
  GtkLabel     *path_label;
  GtkMenuButton *menu_button;
  GMenuModel   *unlock_menu;

  char         *path;      /* NULL: the default vault */
  int           kdf_level;
  gboolean      creating;
  gboolean      busy;
  gboolean      pending_create; /* what the running task does */
  char         *message;
  GCancellable *cancellable;
  GtkNativeDialog *chooser;
  GtkWidget    *key_root;    /* where typed_keys are caught */
  GtkEventController *key_catcher;
  GPtrArray    *typed_keys;  /* GdkEvent: key presses and releases while busy */
};

G_DEFINE_FINAL_TYPE (VigilUnlockPage, vigil_unlock_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_KDF_LEVEL,
  PROP_BUSY,
  PROP_CREATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static char *
effective_path (VigilUnlockPage *self)
{
  return self->path != NULL ? g_strdup (self->path) : vigil_vault_default_path ();
}

/* The path as a person reads it: the home folder as "~". */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + len, NULL);
  return g_strdup (path);
}

static void
set_message (VigilUnlockPage *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
}

static void
update_actions (VigilUnlockPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  gboolean ready;

  if (self->creating)
    {
      const char *confirmation = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
      VigilNewPassphraseState state = vigil_new_passphrase_state (passphrase, confirmation);

      ready = state.can_create;
      gtk_label_set_label (self->hint_label, state.hint);
      if (state.hint_is_error)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
        }
    }
  else
    ready = passphrase[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.submit", ready && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.choose-vault", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.new-vault", !self->busy);
}

static void
set_busy (VigilUnlockPage *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_list), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    gtk_label_set_label (self->submit_label,
                         self->creating ? _("Creating the Vault…") : _("Unlocking…"));
  else
    gtk_label_set_label (self->submit_label, self->creating ? _("_Create Vault") : _("_Unlock"));
  gtk_label_set_use_underline (self->submit_label, !busy);
  /* The button's label is inside a box, which a screen reader does not
   * look into: the button is named after it, without the mnemonic. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->submit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->submit_label), -1);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_form (VigilUnlockPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
}

static gboolean
is_shortcut (GdkEvent *event)
{
  return gdk_event_get_event_type (event) == GDK_KEY_PRESS
         && (gdk_event_get_modifier_state (event) & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0;
}

/* Puts the keys typed while busy back in the display's queue, in order:
 * the ones before the first shortcut when @before, the others when not.
 * The rest are dropped. */
static void
hand_back_keys (VigilUnlockPage *self, gboolean before)
{
  g_autoptr (GPtrArray) typed = g_steal_pointer (&self->typed_keys);
  gboolean shortcut_seen = FALSE;

  self->typed_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) gdk_event_unref);
  for (guint i = 0; i < typed->len; i++)
    {
      GdkEvent *event = g_ptr_array_index (typed, i);

      shortcut_seen = shortcut_seen || is_shortcut (event);
      /* gdk_display_put_event() is deprecated from GTK 4.10 on, where
       * GTK has no other way to hand an event back; this is 4.8. */
      if (before != shortcut_seen)
        gdk_display_put_event (gdk_event_get_display (event), event);
    }
}

/* The button a password row shows its text with comes after the field in
 * the Tab order: Tab from the passphrase went to it, not to the
 * confirmation. It stays a click away, and the field's context menu (Menu
 * key, Shift+F10) has "Show Text". */
static void
keep_peek_button_out_of_tab (GtkWidget *row, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          gtk_widget_set_focusable (child, FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
        }
      else if (!GTK_IS_EDITABLE (child))
        keep_peek_button_out_of_tab (child, name);
    }
}

/* Reads whether the vault file exists and lays the page out for it. */
static void
refresh (VigilUnlockPage *self)
{
  g_autofree char *path = effective_path (self);
  g_autofree char *shown = display_path (path);
  g_autofree char *where = NULL;
  gboolean creating = !g_file_test (path, G_FILE_TEST_EXISTS);

  self->creating = creating;
  if (creating)
    {
      gtk_label_set_label (self->title_label, _("Create a New Vault"));
      gtk_label_set_label (self->description_label,
                           _("Everything you record in Vigil is kept in an encrypted vault "
                             "on this computer. Choose a passphrase to protect it. Nobody, "
                             "including you, can open the vault without it: write it down "
                             "and keep it somewhere safe."));
      /* Translators: %s is a file path */
      where = g_strdup_printf (_("The vault will be created at %s"), shown);
    }
  else
    {
      gtk_label_set_label (self->title_label, _("Unlock Vigil"));
      gtk_label_set_label (self->description_label,
                           _("Enter the passphrase of your vault to open it."));
      /* Translators: %s is a file path */
      where = g_strdup_printf (_("Vault: %s"), shown);
    }
  gtk_label_set_label (self->path_label, where);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), creating);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), creating);
  set_busy (self, self->busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATING]);
}

/* callbacks */

static void
on_vault_ready (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (VigilUnlockPage) self = VIGIL_UNLOCK_PAGE (user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  vault = self->pending_create ? vigil_vault_create_finish (result, &error)
                  : vigil_vault_open_finish (result, &error);

  /* The page went away meanwhile: nobody is waiting for this vault. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (vault == NULL)
    {
      g_autofree char *message = vigil_unlock_error_message (error);

      g_debug ("Opening the vault failed: %s", error->message);
      set_busy (self, FALSE);
      /* Someone created the file meanwhile, or it vanished: start over. */
      if (g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_EXISTS))
        refresh (self);
      set_message (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      /* The passphrase typed again meanwhile goes where it was meant to. */
      hand_back_keys (self, TRUE);
      return;
    }

  set_busy (self, FALSE);
  set_message (self, NULL);
  g_signal_emit (self, signals[UNLOCKED], 0, vault);
  hand_back_keys (self, FALSE);
}

/* While busy, every key of the window is kept for hand_back_keys(). */
static gboolean
on_key_event (VigilUnlockPage *self, GdkEvent *event, GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (!self->busy || (type != GDK_KEY_PRESS && type != GDK_KEY_RELEASE))
    return GDK_EVENT_PROPAGATE;
  g_ptr_array_add (self->typed_keys, gdk_event_ref (event));
  return GDK_EVENT_STOP;
}

static void
submit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (widget);
  g_autofree char *path = effective_path (self);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->busy)
    return;

  set_message (self, NULL);
  self->cancellable = g_cancellable_new ();
  self->pending_create = self->creating;
  if (self->creating)
    vigil_vault_create_async (path, passphrase, (VigilKdfLevel) self->kdf_level,
                              self->cancellable, on_vault_ready, g_object_ref (self));
  else
    vigil_vault_open_async (path, passphrase, self->cancellable, on_vault_ready,
                            g_object_ref (self));

  /* The vault has its own copy, in guarded memory. */
  clear_form (self);
  set_busy (self, TRUE);
}

static void
on_form_changed (VigilUnlockPage *self, GtkEditable *editable)
{
  update_actions (self);
}

static void
on_passphrase_activated (VigilUnlockPage *self, AdwEntryRow *row)
{
  if (self->creating)
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "unlock.submit", NULL);
}

static void
on_confirm_activated (VigilUnlockPage *self, AdwEntryRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.submit", NULL);
}

static void
on_chooser_response (VigilUnlockPage *self, int response, GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        vigil_unlock_page_set_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (VigilUnlockPage *self, GtkFileChooserAction action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Vigil Vaults"));
  gtk_file_filter_add_pattern (filter, "*.vigil");

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    chooser = gtk_file_chooser_native_new (_("Open a Vault"), GTK_WINDOW (root), action,
                                           _("_Open"), _("_Cancel"));
  else
    {
      chooser = gtk_file_chooser_native_new (_("Create a Vault"), GTK_WINDOW (root), action,
                                             _("_Create"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("vault.vigil"));
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* The menu's popover is built when it is first opened, not before the
 * page's first frame. */
static void
create_menu (GtkMenuButton *button, gpointer user_data)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (user_data);

  gtk_menu_button_set_menu_model (button, self->unlock_menu);
}

static void
choose_vault_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_file (VIGIL_UNLOCK_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
new_vault_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_file (VIGIL_UNLOCK_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* GObject overrides */

static void
vigil_unlock_page_dispose (GObject *object)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->typed_keys, g_ptr_array_unref);
  G_OBJECT_CLASS (vigil_unlock_page_parent_class)->dispose (object);
}

static void
vigil_unlock_page_finalize (GObject *object)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (object);

  g_free (self->path);
  g_free (self->message);
  G_OBJECT_CLASS (vigil_unlock_page_parent_class)->finalize (object);
}

static void
vigil_unlock_page_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_KDF_LEVEL:
      g_value_set_int (value, self->kdf_level);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_CREATING:
      g_value_set_boolean (value, self->creating);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_unlock_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      vigil_unlock_page_set_path (self, g_value_get_string (value));
      break;
    case PROP_KDF_LEVEL:
      vigil_unlock_page_set_kdf_level (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GtkWidget overrides */

static gboolean
vigil_unlock_page_grab_focus (GtkWidget *widget)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

/* Keys go to the focus widget, which the insensitive form no longer
 * is: they are caught on their way down from the window. */
static void
vigil_unlock_page_root (GtkWidget *widget)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (widget);

  GTK_WIDGET_CLASS (vigil_unlock_page_parent_class)->root (widget);
  self->key_root = GTK_WIDGET (gtk_widget_get_root (widget));
  self->key_catcher = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (self->key_catcher, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (self->key_catcher, "event", G_CALLBACK (on_key_event), self);
  gtk_widget_add_controller (self->key_root, self->key_catcher);
}

/* Out of its window, nobody waits for the vault any more. */
static void
vigil_unlock_page_unroot (GtkWidget *widget)
{
  VigilUnlockPage *self = VIGIL_UNLOCK_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  if (self->key_catcher != NULL)
    gtk_widget_remove_controller (self->key_root, self->key_catcher);
  self->key_catcher = NULL;
  self->key_root = NULL;
  if (self->typed_keys != NULL)
    g_ptr_array_set_size (self->typed_keys, 0);
  GTK_WIDGET_CLASS (vigil_unlock_page_parent_class)->unroot (widget);
}

static void
vigil_unlock_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vigil_unlock_page_parent_class)->map (widget);

  /* The file may have appeared or gone since the page was last shown. */
  if (!VIGIL_UNLOCK_PAGE (widget)->busy)
    refresh (VIGIL_UNLOCK_PAGE (widget));
  gtk_widget_grab_focus (widget);
}

static void
vigil_unlock_page_class_init (VigilUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_unlock_page_dispose;
  object_class->finalize = vigil_unlock_page_finalize;
  object_class->get_property = vigil_unlock_page_get_property;
  object_class->set_property = vigil_unlock_page_set_property;
  widget_class->grab_focus = vigil_unlock_page_grab_focus;
  widget_class->map = vigil_unlock_page_map;
  widget_class->root = vigil_unlock_page_root;
  widget_class->unroot = vigil_unlock_page_unroot;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KDF_LEVEL] =
    g_param_spec_int ("kdf-level", NULL, NULL, VIGIL_KDF_INTERACTIVE, VIGIL_KDF_SENSITIVE,
                      VIGIL_KDF_MODERATE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATING] =
    g_param_spec_boolean ("creating", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilUnlockPage::unlocked:
   * @vault: the unlocked vault; take a reference to keep it
   */
  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, VIGIL_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "ui/vigil-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, form_list);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, submit_label);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VigilUnlockPage, unlock_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_activated);

  gtk_widget_class_install_action (widget_class, "unlock.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "unlock.choose-vault", NULL,
                                   choose_vault_action);
  gtk_widget_class_install_action (widget_class, "unlock.new-vault", NULL, new_vault_action);
}

static void
vigil_unlock_page_init (VigilUnlockPage *self)
{
  self->kdf_level = VIGIL_KDF_MODERATE;
  self->typed_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) gdk_event_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
  vigil_gui_name_menu_button (self->menu_button, _("Main Menu"));
  keep_peek_button_out_of_tab (GTK_WIDGET (self->passphrase_row),
                               _("Show or Hide the Passphrase"));
  keep_peek_button_out_of_tab (GTK_WIDGET (self->confirm_row),
                               _("Show or Hide the Confirmation"));
  refresh (self);
}

/* public API */

VigilNewPassphraseState
vigil_new_passphrase_state (const char *passphrase, const char *confirmation)
{
  VigilNewPassphraseState state = { FALSE, FALSE, NULL };
  glong length = passphrase != NULL ? vigil_passphrase_length (passphrase) : 0;
  gboolean confirmed = confirmation != NULL && confirmation[0] != '\0';

  if (length == 0)
    state.hint = _("Use at least 12 characters. A few unrelated words are easy to remember "
                   "and hard to guess.");
  else if (length < VIGIL_PASSPHRASE_MIN_CHARS)
    {
      state.hint = _("Too short: a passphrase needs at least 12 characters.");
      state.hint_is_error = confirmed;
    }
  else if (!confirmed)
    state.hint = _("Long enough. Type it again to confirm it.");
  else if (g_strcmp0 (passphrase, confirmation) != 0)
    {
      state.hint = _("The passphrases do not match.");
      state.hint_is_error = TRUE;
    }
  else
    {
      state.hint = _("The passphrases match.");
      state.can_create = TRUE;
    }
  return state;
}

char *
vigil_unlock_error_message (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == VIGIL_ERROR)
    switch ((VigilError) error->code)
      {
      case VIGIL_ERROR_WRONG_PASSPHRASE:
        return g_strdup (_("Wrong passphrase. Check Caps Lock and the keyboard layout, then "
                           "try again."));
      case VIGIL_ERROR_DAMAGED:
        return g_strdup (_("This file is not a Vigil vault, or it is damaged. Nothing was "
                           "written to it. Open a backup copy of the vault instead."));
      case VIGIL_ERROR_TAMPERED:
        return g_strdup (_("The vault failed its integrity check: some of its contents were "
                           "changed outside Vigil. Nothing was written to it. Keep the file "
                           "for inspection and open a backup copy."));
      case VIGIL_ERROR_NEWER_FORMAT:
        return g_strdup (_("This vault was written by a newer version of Vigil. Update Vigil "
                           "to open it; nothing was written to it."));
      case VIGIL_ERROR_EXISTS:
        return g_strdup (_("A file already exists there, and Vigil never writes over one. "
                           "Unlock it, or choose another place for the new vault."));
      case VIGIL_ERROR_IO:
        /* Translators: %s says why the disk refused */
        return g_strdup_printf (_("The vault file could not be read or written: %s"),
                                error->message);
      default:
        break;
      }
  /* Translators: %s says why */
  return g_strdup_printf (_("The vault could not be opened: %s"), error->message);
}

GtkWidget *
vigil_unlock_page_new (void)
{
  return g_object_new (VIGIL_TYPE_UNLOCK_PAGE, NULL);
}

const char *
vigil_unlock_page_get_path (VigilUnlockPage *self)
{
  g_return_val_if_fail (VIGIL_IS_UNLOCK_PAGE (self), NULL);

  return self->path;
}

void
vigil_unlock_page_set_path (VigilUnlockPage *self, const char *path)
{
  g_return_if_fail (VIGIL_IS_UNLOCK_PAGE (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  vigil_unlock_page_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

int
vigil_unlock_page_get_kdf_level (VigilUnlockPage *self)
{
  g_return_val_if_fail (VIGIL_IS_UNLOCK_PAGE (self), VIGIL_KDF_MODERATE);

  return self->kdf_level;
}

void
vigil_unlock_page_set_kdf_level (VigilUnlockPage *self, int level)
{
  g_return_if_fail (VIGIL_IS_UNLOCK_PAGE (self));
  g_return_if_fail (level >= VIGIL_KDF_INTERACTIVE && level <= VIGIL_KDF_SENSITIVE);

  if (self->kdf_level == level)
    return;
  self->kdf_level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KDF_LEVEL]);
}

gboolean
vigil_unlock_page_get_busy (VigilUnlockPage *self)
{
  g_return_val_if_fail (VIGIL_IS_UNLOCK_PAGE (self), FALSE);

  return self->busy;
}

gboolean
vigil_unlock_page_get_creating (VigilUnlockPage *self)
{
  g_return_val_if_fail (VIGIL_IS_UNLOCK_PAGE (self), FALSE);

  return self->creating;
}

const char *
vigil_unlock_page_get_message (VigilUnlockPage *self)
{
  g_return_val_if_fail (VIGIL_IS_UNLOCK_PAGE (self), NULL);

  return self->message;
}

void
vigil_unlock_page_reset (VigilUnlockPage *self)
{
  g_return_if_fail (VIGIL_IS_UNLOCK_PAGE (self));

  if (self->busy)
    return;
  clear_form (self);
  set_message (self, NULL);
  refresh (self);
}
