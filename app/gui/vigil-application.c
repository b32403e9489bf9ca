/* vigil-application.c: the desktop application
 *
 * The application owns only what is shared by its windows: the app-wide
 * actions and their accelerators. Each window holds its own vault.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-application"

#include "config.h"

#include <sys/resource.h>
#include <glib/gi18n.h>

#include "vigil-application.h"
#include "vigil-preferences-window.h"
#include "vigil-window.h"

struct _VigilApplication
{
  AdwApplication parent_instance;

  char          *vault_path; /* from --vault; NULL for the default vault */
};

G_DEFINE_FINAL_TYPE (VigilApplication, vigil_application, ADW_TYPE_APPLICATION)

/* callbacks */

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Destroying a window locks its vault; copy the list, it changes. */
  g_autoptr (GList) copy = g_list_copy (windows);
  for (GList *l = copy; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_application_quit (app);
}

static void
lock_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  for (GList *l = windows; l != NULL; l = l->next)
    if (VIGIL_IS_WINDOW (l->data))
      vigil_window_lock (VIGIL_WINDOW (l->data));
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *preferences = vigil_preferences_window_new (parent);

  /* The name of whoever monitors is the open vault's. */
  if (VIGIL_IS_WINDOW (parent))
    vigil_preferences_window_set_store (VIGIL_PREFERENCES_WINDOW (preferences),
                                        vigil_window_get_store (VIGIL_WINDOW (parent)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The Vigil authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Vigil"),
                        "developer-name", _("The Vigil authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Vigil helps monitor human-trafficking trials and support "
                                      "the victims who testify in them. Everything you record "
                                      "stays in an encrypted vault on this computer; people "
                                      "appear by pseudonym, and their identity only when you "
                                      "reveal it."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Vigil authors"),
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_BASE "ui/vigil-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, parent);
  gtk_window_present (shortcuts);
}

/* A reminder's click: the agenda, after the unlock when locked. */
static void
show_protection_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_activate (G_APPLICATION (user_data));
  vigil_window_show_protection (
    VIGIL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (user_data))));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated, NULL, NULL, NULL },
  { "lock", lock_activated, NULL, NULL, NULL },
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
  { "shortcuts", shortcuts_activated, NULL, NULL, NULL },
  { "show-protection", show_protection_activated, NULL, NULL, NULL },
};

static const struct
{
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.lock", { "<Control>l", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "win.import", { "<Control>i", NULL } },
  { "win.export", { "<Control>e", NULL } },
};

/* GObject overrides */

static void
vigil_application_finalize (GObject *object)
{
  VigilApplication *self = VIGIL_APPLICATION (object);

  g_free (self->vault_path);
  G_OBJECT_CLASS (vigil_application_parent_class)->finalize (object);
}

/* GApplication overrides */

static int
vigil_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  VigilApplication *self = VIGIL_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "vault", "^ay", &path))
    {
      g_free (self->vault_path);
      self->vault_path = g_canonicalize_filename (path, NULL);
    }
  return G_APPLICATION_CLASS (vigil_application_parent_class)->handle_local_options (app, options);
}

static void
vigil_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (vigil_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

/* The start-up benchmark (tests/bench) measures the time to the first
 * frame on screen, then needs the program gone. */
static void
on_first_frame (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, app);
  struct rusage usage;

  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_print ("peak-rss-kib %ld\n", usage.ru_maxrss);
  g_application_quit (app);
}

static void
on_window_realized (GtkWidget *window, GApplication *app)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame), app);
}

static void
vigil_application_activate (GApplication *app)
{
  VigilApplication *self = VIGIL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (vigil_window_new (GTK_APPLICATION (app), self->vault_path));
      if (g_strcmp0 (g_getenv ("VIGIL_BENCH_FIRST_FRAME"), "1") == 0)
        g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realized), app, 0);
    }
  gtk_window_present (window);
}

static void
vigil_application_class_init (VigilApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vigil_application_finalize;
  app_class->handle_local_options = vigil_application_handle_local_options;
  app_class->startup = vigil_application_startup;
  app_class->activate = vigil_application_activate;
}

static void
vigil_application_init (VigilApplication *self)
{
  const GOptionEntry options[] = {
    { "vault", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The vault file to open, or to create when it does not exist"), N_("PATH") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Monitor human-trafficking trials and support victim-witnesses."));
}

/* public API */

VigilApplication *
vigil_application_new (void)
{
  return g_object_new (VIGIL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/vigilsuite/Vigil",
                       NULL);
}
