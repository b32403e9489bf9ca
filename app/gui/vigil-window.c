/* vigil-window.c: the main window, from unlock to lock
 *
 * The window owns the unlocked vault and its store and nothing else does
 * for long: pages and editors borrow the store, and locking takes it back
 * from all of them before the vault wipes its keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-case-page.h"
#include "vigil-error.h"
#include "vigil-cases-page.h"
#include "vigil-claim-editor.h"
#include "vigil-compensation-page.h"
#include "vigil-gui-util.h"
#include "vigil-hearing-page.h"
#include "vigil-monitor-dialog.h"
#include "vigil-protection-load.h"
#include "vigil-protection-page.h"
#include "vigil-reminder.h"
#include "vigil-reports-page.h"
#include "vigil-standards-page.h"
#include "vigil-unlock-page.h"
#include "vigil-window-interchange.h"
#include "vigil-window-private.h"

/* How often the idle clock is read while the vault is open. */
#define IDLE_CHECK_SECONDS 10
/* Reminders of measures not confirmed are worked out again this often. */
#define REMINDER_CHECK_SECONDS 600
/* How often the vault is asked whether vigil-cli or another window wrote
 * to it: one cheap PRAGMA a turn. */
#define CHANGES_CHECK_MS 1000

struct _VigilWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  VigilUnlockPage *unlock_page;
  /* vigil-window-vault.ui, built at the first unlock */
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  AdwWindowTitle  *sidebar_title;
  GtkListBox      *sections_list;
  GtkListBoxRow   *cases_section_row;
  GtkListBoxRow   *standards_section_row;
  GtkListBoxRow   *protection_section_row;
  GtkListBoxRow   *reports_section_row;
  GtkListBoxRow   *compensation_section_row;
  VigilCompensationPage *compensation_page;
  GtkStack        *content_stack;
  VigilCasesPage  *cases_page;
  VigilCasePage   *case_page;
  VigilStandardsPage *standards_page;
  VigilProtectionPage *protection_page;
  VigilHearingPage *hearing_page;
  VigilReportsPage *reports_page;

  GSettings       *settings;
  char            *vault_path;
  VigilVault      *vault;
  VigilStore      *store;
  gint64           last_activity; /* monotonic, microseconds */
  guint            idle_source;
  guint            reminder_source;
  guint            reminded;       /* the count the last reminder said */
  gboolean         protection_after_unlock;
};

G_DEFINE_FINAL_TYPE (VigilWindow, vigil_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_VAULT_PATH,
  PROP_STORE,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean on_idle_check        (gpointer       user_data);
static void     on_section_activated (VigilWindow   *self,
                                      GtkListBoxRow *row,
                                      GtkListBox    *list);
static void     on_case_activated    (VigilWindow   *self,
                                      VigilCase     *kase,
                                      VigilCasesPage *page);
static void     on_case_closed       (VigilWindow   *self,
                                      VigilCasePage *page);
static void     on_hearing_activated (VigilWindow   *self,
                                      const char    *hearing_id,
                                      VigilCasePage *page);
static void     on_hearing_closed    (VigilWindow   *self,
                                      VigilHearingPage *page);
static void     on_changed_elsewhere (VigilWindow   *self,
                                      VigilStore    *store);
static void     on_claim_activated   (VigilWindow   *self,
                                      const char    *claim_id,
                                      VigilCompensationPage *page);
static void     on_leaflet_folded    (VigilWindow   *self,
                                      GParamSpec    *pspec,
                                      AdwLeaflet    *leaflet);

/* private helpers */

static void
update_actions (VigilWindow *self)
{
  gboolean unlocked = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-cases", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", unlocked);
}

/* What the window shows while a vault is open, built the first time one
 * is: until then the first frame waits only for the unlock page. */
static void
build_vault_view (VigilWindow *self)
{
  g_autoptr (GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr (GtkBuilder) builder = gtk_builder_new ();
  g_autoptr (GError) error = NULL;

  if (self->leaflet != NULL)
    return;
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "on_section_activated",
                                           G_CALLBACK (on_section_activated),
                                           "on_case_activated", G_CALLBACK (on_case_activated),
                                           "on_case_closed", G_CALLBACK (on_case_closed),
                                           "on_hearing_activated",
                                           G_CALLBACK (on_hearing_activated),
                                           "on_hearing_closed", G_CALLBACK (on_hearing_closed),
                                           "on_leaflet_folded", G_CALLBACK (on_leaflet_folded),
                                           "on_claim_activated", G_CALLBACK (on_claim_activated),
                                           NULL);
  gtk_builder_set_scope (builder, scope);
  /* Handlers are connected to the window, as in its template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "ui/vigil-window-vault.ui", &error))
    g_error ("The window's vault view could not be built: %s", error->message);

#define GET(name) gtk_builder_get_object (builder, name)
  self->leaflet = ADW_LEAFLET (GET ("leaflet"));
  self->sidebar = GTK_WIDGET (GET ("sidebar"));
  self->sidebar_title = ADW_WINDOW_TITLE (GET ("sidebar_title"));
  self->sections_list = GTK_LIST_BOX (GET ("sections_list"));
  self->cases_section_row = GTK_LIST_BOX_ROW (GET ("cases_section_row"));
  self->standards_section_row = GTK_LIST_BOX_ROW (GET ("standards_section_row"));
  self->protection_section_row = GTK_LIST_BOX_ROW (GET ("protection_section_row"));
  self->reports_section_row = GTK_LIST_BOX_ROW (GET ("reports_section_row"));
  self->compensation_section_row = GTK_LIST_BOX_ROW (GET ("compensation_section_row"));
  self->compensation_page = VIGIL_COMPENSATION_PAGE (GET ("compensation_page"));
  self->content_stack = GTK_STACK (GET ("content_stack"));
  self->cases_page = VIGIL_CASES_PAGE (GET ("cases_page"));
  self->case_page = VIGIL_CASE_PAGE (GET ("case_page"));
  self->standards_page = VIGIL_STANDARDS_PAGE (GET ("standards_page"));
  self->protection_page = VIGIL_PROTECTION_PAGE (GET ("protection_page"));
  self->hearing_page = VIGIL_HEARING_PAGE (GET ("hearing_page"));
  self->reports_page = VIGIL_REPORTS_PAGE (GET ("reports_page"));
  vigil_gui_name_menu_button (GTK_MENU_BUTTON (GET ("primary_menu_button")), _("Main Menu"));
#undef GET
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->leaflet), "vault");
}

/* The size is read once here and written back when the window goes
 * (save_window_state): keys bound to the window's properties would be
 * written at every start, as the window announces its size once built. */
static void
restore_window_state (VigilWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (VigilWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  /* While maximized, the default size is the size to return to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  /* Only what changed: each write ends on the disk. */
  if (width > 0 && g_settings_get_int (self->settings, "window-width") != width)
    g_settings_set_int (self->settings, "window-width", width);
  if (height > 0 && g_settings_get_int (self->settings, "window-height") != height)
    g_settings_set_int (self->settings, "window-height", height);
  if (g_settings_get_boolean (self->settings, "window-maximized") != maximized)
    g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static void
note_activity (VigilWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/* Editors and dialogs hold the store or show what the vault holds: none
 * may outlive the unlocked vault. */
static void
close_transient_windows (VigilWindow *self)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) self
        && gtk_window_get_transient_for (GTK_WINDOW (l->data)) == GTK_WINDOW (self))
      gtk_window_destroy (GTK_WINDOW (l->data));
}

static void
show_cases (VigilWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "cases");
  vigil_case_page_hide_identities (self->case_page);
  gtk_list_box_select_row (self->sections_list, self->cases_section_row);
}

static void
lock_vault (VigilWindow *self)
{
  if (self->vault == NULL)
    return;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->reminder_source, g_source_remove);
  close_transient_windows (self);
  /* A toast may name what the vault holds ("Grade recorded" over a
   * hearing): none outlives the unlocked vault. */
  vigil_gui_dismiss_toasts (self->toast_overlay);

  /* Every borrower lets go of the store before the keys are wiped. */
  vigil_case_page_hide_identities (self->case_page);
  vigil_case_page_set_case_id (self->case_page, NULL);
  vigil_case_page_set_store (self->case_page, NULL);
  vigil_hearing_page_set_store (self->hearing_page, NULL);
  vigil_compensation_page_set_store (self->compensation_page, NULL);
  /* A deadline notification outlives no vault. */
  if (g_application_get_default () != NULL
      && g_application_get_is_registered (g_application_get_default ()))
    g_application_withdraw_notification (g_application_get_default (), "compensation-deadline");
  vigil_cases_page_set_store (self->cases_page, NULL);
  vigil_protection_page_set_store (self->protection_page, NULL);
  vigil_cases_page_set_search (self->cases_page, NULL);
  vigil_reports_page_set_store (self->reports_page, NULL);
  g_clear_object (&self->store);

  vigil_vault_lock (self->vault);
  g_clear_object (&self->vault);
}

/* A deadline near or past raises a desktop notification that names no
 * case and no person: it may show on a locked screen. */
static void
notify_deadlines (VigilWindow *self)
{
  VigilClaimsOverview *overview = vigil_compensation_page_get_overview (self->compensation_page);
  GApplication *app = g_application_get_default ();
  g_autofree char *notice = NULL;
  g_autoptr (GNotification) notification = NULL;

  if (overview == NULL || app == NULL || !g_application_get_is_registered (app))
    return;
  notice = vigil_claims_deadline_notice (overview->due, VIGIL_COMPENSATION_NOTIFY_DAYS);
  if (notice == NULL)
    return;
  notification = g_notification_new (_("Compensation Deadline"));
  g_notification_set_body (notification, notice);
  g_application_send_notification (app, "compensation-deadline", notification);
}

/* callbacks */

static gboolean
on_input_event (VigilWindow *self, GdkEvent *event, GtkEventController *controller)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      note_activity (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_idle_check (gpointer user_data)
{
  VigilWindow *self = VIGIL_WINDOW (user_data);

  if (vigil_window_idle_check_at (self, g_get_monotonic_time ()))
    {
      /* Locking removed this source already. */
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* How many measures for the coming hearings are still only requested,
 * said on the desktop: a count and nothing else (vigil-reminder.c). */
static gboolean
on_reminder_check (gpointer user_data)
{
  VigilWindow *self = VIGIL_WINDOW (user_data);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  guint hours = g_settings_get_uint (self->settings, "protection-reminder-hours");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) until = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (self->store == NULL || app == NULL || hours == 0)
    return G_SOURCE_CONTINUE;
  until = g_date_time_add_hours (now, hours);
  cases = vigil_protection_load_span (self->store, now, until, NULL);
  if (cases == NULL)
    return G_SOURCE_CONTINUE;
  n = vigil_reminder_count_unconfirmed ((VigilProtectionCaseData **) cases->pdata, cases->len,
                                        now, hours);
  text = vigil_reminder_text (n, hours);
  if (text == NULL)
    g_application_withdraw_notification (app, "protection-reminder");
  else if (n != self->reminded)
    {
      g_autoptr (GNotification) notification = g_notification_new (_("Protection Not Confirmed"));

      g_notification_set_body (notification, text);
      g_notification_set_default_action (notification, "app.show-protection");
      g_application_send_notification (app, "protection-reminder", notification);
    }
  self->reminded = n;
  return G_SOURCE_CONTINUE;
}

static void
on_unlocked (VigilWindow *self, VigilVault *vault, VigilUnlockPage *page)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (self->vault == NULL);

  build_vault_view (self);
  self->vault = g_object_ref (vault);
  self->store = vigil_store_new (vault);
  vigil_store_watch_changes_elsewhere (self->store, CHANGES_CHECK_MS);

  basename = g_path_get_basename (vigil_vault_get_path (vault));
  adw_window_title_set_subtitle (self->sidebar_title, basename);

  vigil_cases_page_set_store (self->cases_page, self->store);
  vigil_case_page_set_store (self->case_page, self->store);
  vigil_hearing_page_set_store (self->hearing_page, self->store);
  vigil_compensation_page_set_store (self->compensation_page, self->store);
  notify_deadlines (self);
  g_signal_connect_object (self->store, "changed-elsewhere", G_CALLBACK (on_changed_elsewhere),
                           self, G_CONNECT_SWAPPED);
  show_cases (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  gtk_stack_set_visible_child_name (self->main_stack, "vault");
  /* The unlock page had the keyboard; the cases have it now. */
  gtk_widget_grab_focus (GTK_WIDGET (self->cases_page));

  note_activity (self);
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, on_idle_check, self);
  self->reminded = 0;
  on_reminder_check (self);
  self->reminder_source = g_timeout_add_seconds (REMINDER_CHECK_SECONDS, on_reminder_check, self);
  /* A reminder clicked while the vault was locked leads here. */
  if (self->protection_after_unlock)
    {
      self->protection_after_unlock = FALSE;
      vigil_window_show_protection (self);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);

  /* The vault put back to an older copy: said before anything is recorded
   * in it, since what was recorded since is not there. Key slots that were
   * not the vault's own: said, since someone had the file. */
  if (vigil_vault_get_older_copy_warning (vault) != NULL
      || vigil_vault_get_slots_warning (vault) != NULL)
    {
      const char *older = vigil_vault_get_older_copy_warning (vault);
      const char *slots = vigil_vault_get_slots_warning (vault);
      g_autofree char *body = g_strjoin ("\n\n", older != NULL ? older : slots,
                                         older != NULL ? slots : NULL, NULL);
      GtkWidget *warning = adw_message_dialog_new (GTK_WINDOW (self),
                                                   older != NULL
                                                     ? _("An Older Copy of This Vault")
                                                     : _("The Vault's Key Slots Were Restored"),
                                                   body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (warning), "close", _("I Understand"));
      gtk_widget_add_css_class (warning, "vigil-older-copy");
      vigil_window_watch_activity (self, GTK_WINDOW (warning));
      gtk_window_present (GTK_WINDOW (warning));
    }

  /* Once per key slot: what this person records carries their name. */
  if (vigil_store_get_monitor (self->store) == NULL)
    {
      GtkWidget *dialog = vigil_monitor_dialog_new (GTK_WINDOW (self), self->store);

      vigil_window_watch_activity (self, GTK_WINDOW (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* vigil-cli or another window wrote to the vault: the open hearing is read
 * again if it changed (what is being typed on the page stays otherwise),
 * or, gone with its case, leaves nothing behind. (The case page and the
 * list follow the store by themselves, and ran first.) */
static void
on_changed_elsewhere (VigilWindow *self, VigilStore *store)
{
  VigilChecklist *checklist = vigil_hearing_page_get_checklist (self->hearing_page);
  VigilHearing *shown_hearing;
  g_autofree char *hearing_id = NULL;
  g_autoptr (VigilHearing) stored = NULL;
  g_autoptr (GError) error = NULL;
  gboolean shown;

  if (checklist == NULL)
    return;
  shown_hearing = vigil_checklist_get_hearing (checklist);
  hearing_id = g_strdup (vigil_hearing_get_id (shown_hearing));
  stored = vigil_store_get_hearing (store, hearing_id, &error);
  if (stored != NULL && vigil_hearing_get_version (stored) == vigil_hearing_get_version (shown_hearing))
    return;
  if (stored != NULL
      && vigil_hearing_page_set_hearing (self->hearing_page, hearing_id, &error))
    return;
  shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "hearing") == 0;
  vigil_hearing_page_set_hearing (self->hearing_page, NULL, NULL);
  if (shown)
    {
      on_hearing_closed (self, self->hearing_page);
      if (!g_error_matches (error, VIGIL_ERROR, VIGIL_ERROR_NOT_FOUND))
        vigil_gui_toast_error (GTK_WIDGET (self), _("The hearing could not be read again"),
                               error);
    }
}

static void
on_section_activated (VigilWindow *self, GtkListBoxRow *row, GtkListBox *list)
{
  if (row == self->cases_section_row)
    show_cases (self);
  else if (row == self->protection_section_row)
    {
      vigil_case_page_hide_identities (self->case_page);
      /* Read when first shown after an unlock, and followed from then on. */
      vigil_protection_page_set_store (self->protection_page, self->store);
      gtk_stack_set_visible_child_name (self->content_stack, "protection");
    }
  else if (row == self->compensation_section_row)
    {
      vigil_case_page_hide_identities (self->case_page);
      vigil_compensation_page_refresh (self->compensation_page);
      gtk_stack_set_visible_child_name (self->content_stack, "compensation");
    }
  else if (row == self->standards_section_row)
    {
      /* Hundreds of rows of text: built when first wanted, not at start-up. */
      if (vigil_standards_page_get_catalogue (self->standards_page) == NULL)
        vigil_standards_page_set_catalogue (self->standards_page, vigil_catalogue_get_default ());
      vigil_case_page_hide_identities (self->case_page);
      gtk_stack_set_visible_child_name (self->content_stack, "standards");
    }
  else if (row == self->reports_section_row)
    {
      /* The cases as they are now: the list of references is read here. */
      if (!vigil_reports_page_get_busy (self->reports_page)
          && vigil_reports_page_get_leaks (self->reports_page) == NULL)
        vigil_reports_page_set_store (self->reports_page, self->store);
      vigil_case_page_hide_identities (self->case_page);
      gtk_stack_set_visible_child_name (self->content_stack, "reports");
      /* The keyboard follows to the page shown: Ctrl+Return builds. */
      gtk_widget_grab_focus (GTK_WIDGET (self->reports_page));
    }
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

static void
on_case_activated (VigilWindow *self, VigilCase *kase, VigilCasesPage *page)
{
  vigil_case_page_set_case_id (self->case_page, vigil_case_get_id (kase));
  gtk_stack_set_visible_child_name (self->content_stack, "case");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  /* The keyboard follows to the page shown: it stays nowhere hidden. */
  gtk_widget_grab_focus (GTK_WIDGET (self->case_page));
}

static void
on_case_closed (VigilWindow *self, VigilCasePage *page)
{
  show_cases (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cases_page));
}

static void
on_hearing_activated (VigilWindow *self, const char *hearing_id, VigilCasePage *page)
{
  g_autoptr (GError) error = NULL;

  if (!vigil_hearing_page_set_hearing (self->hearing_page, hearing_id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The hearing could not be opened: %s"),
                                                  error->message);

      vigil_gui_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "hearing");
  gtk_widget_child_focus (GTK_WIDGET (self->hearing_page), GTK_DIR_TAB_FORWARD);
}

static void
on_hearing_closed (VigilWindow *self, VigilHearingPage *page)
{
  gtk_stack_set_visible_child_name (self->content_stack, "case");
  vigil_hearing_page_set_hearing (self->hearing_page, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->case_page));
}

static void
on_claim_activated (VigilWindow *self, const char *claim_id, VigilCompensationPage *page)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *editor = vigil_claim_editor_new (GTK_WINDOW (self), self->store, claim_id, &error);

  if (editor == NULL)
    {
      vigil_gui_toast_error (GTK_WIDGET (self), _("The claim could not be opened"), error);
      return;
    }
  /* What it saves shows on the page when it closes. */
  g_signal_connect_object (editor, "destroy", G_CALLBACK (vigil_compensation_page_refresh),
                           self->compensation_page, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Folding shows the content; unfolding keeps the sidebar's selection. */
static void
on_leaflet_folded (VigilWindow *self, GParamSpec *pspec, AdwLeaflet *leaflet)
{
  if (adw_leaflet_get_folded (leaflet))
    gtk_list_box_set_selection_mode (self->sections_list, GTK_SELECTION_NONE);
  else
    {
      gtk_list_box_set_selection_mode (self->sections_list, GTK_SELECTION_BROWSE);
      gtk_list_box_select_row (self->sections_list, self->cases_section_row);
    }
}

static void
lock_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  vigil_window_lock (VIGIL_WINDOW (widget));
}

static void
show_sidebar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_cases_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_cases (VIGIL_WINDOW (widget));
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  vigil_window_choose_import (VIGIL_WINDOW (widget));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  vigil_window_choose_export (VIGIL_WINDOW (widget));
}

/* GObject overrides */

static void
vigil_window_constructed (GObject *object)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  G_OBJECT_CLASS (vigil_window_parent_class)->constructed (object);

  vigil_unlock_page_set_path (self->unlock_page, self->vault_path);
}

static void
vigil_window_dispose (GObject *object)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  lock_vault (self);
  g_clear_handle_id (&self->idle_source, g_source_remove);

  G_OBJECT_CLASS (vigil_window_parent_class)->dispose (object);
}

static void
vigil_window_finalize (GObject *object)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  g_clear_object (&self->settings);
  g_free (self->vault_path);
  G_OBJECT_CLASS (vigil_window_parent_class)->finalize (object);
}

static void
vigil_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT_PATH:
      g_value_set_string (value, self->vault_path);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->store == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_window_set_property (GObject *object, guint prop_id, const GValue *value,
                           GParamSpec *pspec)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT_PATH:
      g_free (self->vault_path);
      self->vault_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GtkWidget overrides */

/* Every way out ends here: closing the window, app.quit, the tests. */
static void
vigil_window_unrealize (GtkWidget *widget)
{
  save_window_state (VIGIL_WINDOW (widget));
  GTK_WIDGET_CLASS (vigil_window_parent_class)->unrealize (widget);
}

static void
vigil_window_class_init (VigilWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_window_constructed;
  object_class->dispose = vigil_window_dispose;
  object_class->finalize = vigil_window_finalize;
  object_class->get_property = vigil_window_get_property;
  object_class->set_property = vigil_window_set_property;
  widget_class->unrealize = vigil_window_unrealize;

  properties[PROP_VAULT_PATH] =
    g_param_spec_string ("vault-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_UNLOCK_PAGE);
  g_type_ensure (VIGIL_TYPE_CASES_PAGE);
  g_type_ensure (VIGIL_TYPE_CASE_PAGE);
  g_type_ensure (VIGIL_TYPE_STANDARDS_PAGE);
  g_type_ensure (VIGIL_TYPE_PROTECTION_PAGE);
  g_type_ensure (VIGIL_TYPE_HEARING_PAGE);
  g_type_ensure (VIGIL_TYPE_REPORTS_PAGE);
  g_type_ensure (VIGIL_TYPE_COMPENSATION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "ui/vigil-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, unlock_page);
  gtk_widget_class_bind_template_callback (widget_class, on_unlocked);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-cases", NULL, show_cases_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-cases",
                                       NULL);
}

static void
vigil_window_init (VigilWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigil_gui_keep_own_names (GTK_WIDGET (self));
  vigil_gui_set_main_window (GTK_WINDOW (self), self->toast_overlay, G_CALLBACK (on_input_event));

  self->settings = g_settings_new (APPLICATION_ID);
  restore_window_state (self);

  /* Every key press, click, scroll or pointer move counts as use; the
   * capture phase sees them before any child can stop them. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "event", G_CALLBACK (on_input_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  note_activity (self);
  update_actions (self);
}

/* public API */

/**
 * vigil_window_new:
 * @application: the application
 * @vault_path: (nullable): the vault file; NULL for the default one
 *
 * Returns: (transfer none): a new window, owned by @application
 */
VigilWindow *
vigil_window_new (GtkApplication *application, const char *vault_path)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (VIGIL_TYPE_WINDOW,
                       "application", application,
                       "vault-path", vault_path,
                       NULL);
}

VigilUnlockPage *
vigil_window_get_unlock_page (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);

  return self->unlock_page;
}

VigilStore *
vigil_window_get_store (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
vigil_window_get_locked (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), TRUE);

  return self->store == NULL;
}

/**
 * vigil_window_show_protection:
 *
 * Shows the Protection agenda; on a locked window, once it is unlocked,
 * so that a reminder's click shows nothing before the passphrase.
 */
void
vigil_window_show_protection (VigilWindow *self)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));

  if (self->store == NULL)
    {
      self->protection_after_unlock = TRUE;
      return;
    }
  gtk_list_box_select_row (self->sections_list, self->protection_section_row);
  on_section_activated (self, self->protection_section_row, self->sections_list);
}

/**
 * vigil_window_get_showing_protection:
 *
 * Returns: whether the Protection agenda is what the window shows
 */
gboolean
vigil_window_get_showing_protection (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), FALSE);

  return self->store != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "protection") == 0;
}

void
vigil_window_lock (VigilWindow *self)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));

  if (self->vault == NULL)
    return;

  lock_vault (self);
  adw_window_title_set_subtitle (self->sidebar_title, NULL);
  vigil_unlock_page_reset (self->unlock_page);
  gtk_stack_set_visible_child_name (self->main_stack, "unlock");

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
vigil_window_watch_activity (VigilWindow *self, GtkWindow *other)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WINDOW (other));

  vigil_gui_watch_activity (GTK_WINDOW (self), other);
}

void
vigil_window_add_toast (VigilWindow *self, AdwToast *toast)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  vigil_gui_add_toast (self->toast_overlay, toast);
}

/* private API (vigil-window-private.h) */

gboolean
vigil_auto_lock_due (gint64 now_us, gint64 last_activity_us, guint minutes)
{
  if (minutes == 0)
    return FALSE;
  return now_us - last_activity_us >= (gint64) minutes * 60 * G_USEC_PER_SEC;
}

gboolean
vigil_window_idle_check_at (VigilWindow *self, gint64 now_us)
{
  guint minutes;
  g_autofree char *message = NULL;

  g_return_val_if_fail (VIGIL_IS_WINDOW (self), FALSE);

  if (self->vault == NULL)
    return FALSE;
  minutes = g_settings_get_uint (self->settings, "auto-lock-minutes");
  if (!vigil_auto_lock_due (now_us, self->last_activity, minutes))
    return FALSE;

  vigil_window_lock (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The vault locked after %u minute without use",
                                          "The vault locked after %u minutes without use",
                                          minutes),
                             minutes);
  vigil_gui_add_toast (self->toast_overlay, adw_toast_new (message));
  return TRUE;
}

gint64
vigil_window_get_last_activity (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), 0);

  return self->last_activity;
}
