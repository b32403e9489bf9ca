/* vigil-gui-util.h: small helpers the pages and editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-protection-rules.h"
#include "vigil-standard.h"

G_BEGIN_DECLS

/* The translated labels of @enum_type's values, in value order: position
 * N is value N, as an AdwComboRow's "selected" expects. */
GtkStringList *vigil_gui_enum_labels          (GType          enum_type);
/* adw_combo_row_set_model() for a list of strings, and a drop-down a
 * keyboard can use: opened, it has the focus on the value chosen (Down
 * chooses the next one), and each value is named for screen readers. */
void           vigil_gui_combo_row_set_model  (AdwComboRow   *row,
                                               GListModel    *model);

/* @time (any zone) in local time, e.g. "Tue 4 Mar 2025" and
 * "Tue 4 Mar 2025, 09:30". */
char          *vigil_gui_format_date          (GDateTime     *time);
char          *vigil_gui_format_date_time     (GDateTime     *time);
/* The UTC instant of a wall-clock time in @zone (local when NULL); NULL
 * when the date does not exist. */
GDateTime     *vigil_gui_compose_time         (GTimeZone     *zone,
                                               int            year,
                                               int            month,
                                               int            day,
                                               int            hour,
                                               int            minute);

/* Trimmed, non-empty pieces of @text between any of @separators. */
char          *vigil_gui_entry_row_text       (AdwEntryRow   *row);
char         **vigil_gui_split_list           (const char    *text,
                                               const char    *separators);
char          *vigil_gui_text_view_get_text   (GtkTextView   *view);
void           vigil_gui_text_view_set_text   (GtkTextView   *view,
                                               const char    *text);

/* Names @button for screen readers, and the toggle button inside it that
 * takes the keyboard focus in GTK 4.8. */
void           vigil_gui_name_menu_button     (GtkMenuButton *button,
                                               const char    *name);

/* Under @root, every control that has a name of its own stops being
 * labelled by another widget too: GTK 4.8 reads a name as the control's
 * own label followed by its labellers' (the label inside a button, the
 * row a switch activates), which says one label twice ("Save Save").
 * Called once a template is built; names set later are the caller's. */
void           vigil_gui_keep_own_names       (GtkWidget     *root);

/* The main window, on itself, hands the helpers what they need of it,
 * since they sit below it and must not know it: a toast from one of its
 * editors or dialogs goes to @overlay, and their use counts as activity
 * through @on_event, a GtkEventControllerLegacy::event handler called
 * with @window first. */
void           vigil_gui_set_main_window      (GtkWindow       *window,
                                               AdwToastOverlay *overlay,
                                               GCallback        on_event);

/* Shows @message as a toast in the nearest AdwToastOverlay above @widget
 * (or the main window), for a few seconds; without either it is logged,
 * so an error is never lost. */
void           vigil_gui_toast                (GtkWidget     *widget,
                                               const char    *message);
/* "@what: <the error's message>", shown a little longer. */
void           vigil_gui_toast_error          (GtkWidget     *widget,
                                               const char    *what,
                                               const GError  *error);
/* Shows @toast in @overlay and keeps track of it until it is dismissed,
 * so that vigil_gui_dismiss_toasts() can take it away. */
void           vigil_gui_add_toast            (AdwToastOverlay *overlay,
                                               AdwToast        *toast);
/* Dismisses every toast @overlay shows or has queued: nothing of a vault
 * stays on screen once it is locked. */
void           vigil_gui_dismiss_toasts       (AdwToastOverlay *overlay);

/* Asks whether to show the sealed identity of @pseudonym, unless the
 * "confirm-reveal" setting is off. Finishes with TRUE when it may be
 * shown; FALSE when the person declined or the dialog was closed. */
void           vigil_gui_confirm_reveal       (GtkWidget          *widget,
                                               const char         *pseudonym,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean       vigil_gui_confirm_reveal_finish (GAsyncResult      *result,
                                                GError           **error);

/* Lets the main window count use of @window (an editor, a dialog) as
 * activity for auto-lock, when @parent is one (vigil_gui_set_main_window()). */
void           vigil_gui_watch_activity       (GtkWindow     *parent,
                                               GtkWindow     *window);

/* A page's search: stores @text, trimmed, in *@query and returns TRUE,
 * or FALSE when that is the query already. @entry is set to @text when it
 * shows something else, with *@syncing TRUE meanwhile (setting an entry
 * passes through an empty text, which it reports at once: not a search
 * anyone typed); @bar opens when the query is not empty. */
gboolean       vigil_gui_search_set_query     (char         **query,
                                               const char    *text,
                                               GtkSearchBar  *bar,
                                               GtkEditable   *entry,
                                               gboolean      *syncing);

/* A list of standards shows a heading above the first of each category:
 * sets @row's header for @standard, after @before (NULL: the first row). */
void           vigil_gui_category_header      (GtkListBoxRow *row,
                                               VigilStandard *standard,
                                               VigilStandard *before);
/* The protection rules' settings as Preferences hold them, judged at
 * @now; free @settings->reflection_days with g_hash_table_unref(). */
void           vigil_gui_protection_settings  (VigilProtectionSettings *settings,
                                               GDateTime     *now);

G_END_DECLS
