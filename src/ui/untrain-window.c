/* untrain-window.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-window"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-letter-dialog.h"
#include "untrain-platform-page.h"
#include "untrain-platform-row.h"
#include "untrain-status-model.h"
#include "untrain-window-private.h"

/* The main window: the person's platforms in a sidebar, and the chosen
 * platform's page with its checklist. Everything a row offers is a window
 * action whose target is "platform/item", so that tests, keyboard
 * shortcuts and notifications share it.
 */
enum {
  PROP_0,
  PROP_MODELS,
  PROP_SETTINGS,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainWindow, untrain_window, ADW_TYPE_APPLICATION_WINDOW)

UntrainStatusModel *
_untrain_window_find_model (UntrainWindow *self,
                            const char    *platform_id)
{
  guint n_models = g_list_model_get_n_items (self->models);

  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr(UntrainStatusModel) model = g_list_model_get_item (self->models, i);

      if (g_str_equal (untrain_platform_get_id (untrain_status_model_get_platform (model)), platform_id))
        return model;
    }

  return NULL;
}

/* Splits an action target "platform/item" and finds the item. */
UntrainItemStatus *
_untrain_window_find_item_status (UntrainWindow       *self,
                                  GVariant            *target,
                                  UntrainStatusModel **model)
{
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (target, NULL), "/", 2);
  UntrainItemStatus *item_status = NULL;

  if (g_strv_length (parts) == 2 && (*model = _untrain_window_find_model (self, parts[0])))
    item_status = untrain_status_model_lookup (*model, parts[1]);

  if (item_status == NULL)
    g_warning ("No checklist item “%s”", g_variant_get_string (target, NULL));

  return item_status;
}

/* A menu button's popover is made when it first opens: made with the
 * window, the main menu would be a popover of widgets nobody sees before
 * the first frame.
 */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  UntrainWindow *self = UNTRAIN_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The page for no platforms at all, made the first time it shows: a
 * header bar and a status page that most starts would make and never show.
 */
static void
show_empty_page (UntrainWindow *self)
{
  if (self->empty_page == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/untrain-window-empty-page.ui");
      GObject *menu_button = gtk_builder_get_object (builder, "menu_button");
      GObject *status_page = gtk_builder_get_object (builder, "status_page");

      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), create_primary_menu_cb, self, NULL);

      /* Only when the page shows: this icon is an SVG, which GTK draws
       * with librsvg, 6.5 MiB to load before the first frame of every
       * start if a hidden page had it.
       */
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), APPLICATION_ID "-symbolic");

      self->empty_page = GTK_WIDGET (gtk_builder_get_object (builder, "empty_page"));
      gtk_stack_add_named (self->main_stack, self->empty_page, "empty");
    }

  gtk_stack_set_visible_child (self->main_stack, self->empty_page);
}

static void
rebuild_platforms (UntrainWindow *self)
{
  g_autofree char *visible = g_strdup (untrain_window_get_visible_platform (self));
  g_auto(GStrv) chosen = g_settings_get_strv (self->settings, "platforms");
  GtkWidget *child;
  guint n_shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))))
    gtk_list_box_remove (self->sidebar_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack))))
    gtk_stack_remove (self->content_stack, child);

  for (guint i = 0; chosen[i] != NULL; i++)
    {
      UntrainStatusModel *model = _untrain_window_find_model (self, chosen[i]);

      /* A platform the catalog no longer has: nothing to show for it. */
      if (model == NULL)
        continue;

      gtk_list_box_append (self->sidebar_list, untrain_platform_row_new (model));
      GtkWidget *page = untrain_platform_page_new (model, self->history);
      g_autofree char *account = untrain_state_store_get_account (untrain_status_model_get_store (model), chosen[i]);

      untrain_platform_page_set_account (UNTRAIN_PLATFORM_PAGE (page), account);
      gtk_stack_add_named (self->content_stack, page, chosen[i]);
      n_shown++;
    }

  if (n_shown == 0)
    {
      show_empty_page (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "platforms");

  if (visible == NULL || !untrain_window_show_platform (self, visible))
    untrain_window_show_first_pending (self);
}

static void
show_page (UntrainWindow *self,
           const char    *platform_id)
{
  UntrainStatusModel *model = _untrain_window_find_model (self, platform_id);

  gtk_stack_set_visible_child_name (self->content_stack, platform_id);
  adw_window_title_set_title (self->content_title,
                              untrain_platform_get_name (untrain_status_model_get_platform (model)));
}

static void
on_sidebar_row_activated_cb (UntrainWindow *self,
                             GtkListBoxRow *row)
{
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * untrain_window_show_platform:
 *
 * Shows @platform_id's page, if it is one of the person's platforms.
 *
 * Returns: whether it is
 */
gboolean
untrain_window_show_platform (UntrainWindow *self,
                              const char    *platform_id)
{
  g_return_val_if_fail (UNTRAIN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (platform_id != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_str_equal (gtk_widget_get_name (row), platform_id))
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          show_page (self, platform_id);
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * untrain_window_show_first_pending:
 *
 * Shows the first of the person's platforms with something left to do, or
 * the first platform when everything is done.
 */
void
untrain_window_show_first_pending (UntrainWindow *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));

  g_return_if_fail (UNTRAIN_IS_WINDOW (self));

  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      UntrainStatusModel *model = untrain_platform_row_get_model (UNTRAIN_PLATFORM_ROW (row));

      if (untrain_status_model_count_pending (model) > 0)
        {
          untrain_window_show_platform (self, gtk_widget_get_name (row));
          return;
        }
    }

  if (first != NULL)
    untrain_window_show_platform (self, gtk_widget_get_name (first));
}

/**
 * untrain_window_get_visible_platform:
 *
 * Returns: (nullable): the id of the platform whose page is shown
 */
const char *
untrain_window_get_visible_platform (UntrainWindow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

typedef struct
{
  UntrainWindow *window;
  char          *uri;
} OpenUri;

static void
open_uri_free (OpenUri *open_uri)
{
  g_object_unref (open_uri->window);
  g_free (open_uri->uri);
  g_free (open_uri);
}

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  OpenUri *open_uri = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      UntrainWindow *self = open_uri->window;
      GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
      AdwToast *toast;

      g_debug ("Could not open %s: %s", open_uri->uri, error->message);

      /* The address is still useful: paste it into a browser by hand. */
      gdk_clipboard_set_text (clipboard, open_uri->uri);
      toast = adw_toast_new (_("Couldn’t open your web browser. The address was copied; paste it into your browser."));
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  open_uri_free (open_uri);
}

void
_untrain_window_open_uri (UntrainWindow *self,
                          const char    *uri)
{
  OpenUri *open_uri = g_new0 (OpenUri, 1);

  open_uri->window = g_object_ref (self);
  open_uri->uri = g_strdup (uri);

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_uri_cb, open_uri);
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _untrain_window_open_uri (UNTRAIN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_setting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);
  UntrainStatusModel *model;
  UntrainItemStatus *item_status;
  const char *url;

  if (!(item_status = _untrain_window_find_item_status (self, parameter, &model)))
    return;

  url = untrain_item_get_url (untrain_item_status_get_item (item_status));
  if (url != NULL)
    _untrain_window_open_uri (self, url);
}

static void
set_done (UntrainWindow *self,
          GVariant      *parameter,
          gboolean       done)
{
  g_autoptr(GError) error = NULL;
  UntrainStatusModel *model;
  UntrainItemStatus *item_status;
  const char *item_id;
  gboolean saved;

  if (!(item_status = _untrain_window_find_item_status (self, parameter, &model)))
    return;

  item_id = untrain_item_get_id (untrain_item_status_get_item (item_status));

  if (done)
    saved = untrain_status_model_mark_done (model, item_id, &error);
  else
    saved = untrain_status_model_unmark_done (model, item_id, &error);

  if (!saved)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. “Permission denied” */
      message = g_strdup_printf (_("Couldn’t save your progress: %s"), error->message);
      untrain_window_show_message (self, message);
    }
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_done (UNTRAIN_WINDOW (widget), parameter, TRUE);
}

static void
undo_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_done (UNTRAIN_WINDOW (widget), parameter, FALSE);
}

static void
write_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);
  UntrainStatusModel *model;
  UntrainItemStatus *item_status;
  GtkWidget *dialog;

  if (!(item_status = _untrain_window_find_item_status (self, parameter, &model)))
    return;

  dialog = untrain_letter_dialog_new (GTK_WINDOW (self), model,
                                      untrain_item_get_id (untrain_item_status_get_item (item_status)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_platform_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);

  if (!untrain_window_show_platform (self, g_variant_get_string (parameter, NULL)))
    untrain_window_show_first_pending (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (UNTRAIN_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* GTK 4.8 leaves the search button of the shortcuts window without a name
 * for screen readers: its only toggle button, in its title bar.
 */
static void
name_shortcuts_search_button (UntrainWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  GtkWidget *titlebar;
  GtkWidget *widget;

  if (overlay == NULL || (titlebar = gtk_window_get_titlebar (GTK_WINDOW (overlay))) == NULL)
    return;

  widget = titlebar;
  while (widget != NULL && !GTK_IS_TOGGLE_BUTTON (widget))
    {
      GtkWidget *next = gtk_widget_get_first_child (widget);

      while (next == NULL && widget != titlebar)
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }

  if (widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Shortcuts"),
                                    -1);
}

static void
untrain_window_constructed (GObject *object)
{
  UntrainWindow *self = (UntrainWindow *)object;

  G_OBJECT_CLASS (untrain_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_LIST_MODEL (self->models));
  g_return_if_fail (G_IS_SETTINGS (self->settings));

  /* Bound to the settings once the first frame is drawn: see below. */
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::platforms",
                           G_CALLBACK (rebuild_platforms), self, G_CONNECT_SWAPPED);
  rebuild_platforms (self);

  /* The application gives the window its shortcuts window. */
  g_signal_connect (self, "notify::application", G_CALLBACK (name_shortcuts_search_button), NULL);
}

/* Writes the window's size to the settings, where it differs. (Not
 * whether it is maximized: the window manager may not have maximized it
 * yet, as the settings asked.)
 */
static void
save_window_size (UntrainWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (g_settings_get_int (self->settings, "window-width") != width)
    g_settings_set_int (self->settings, "window-width", width);
  if (g_settings_get_int (self->settings, "window-height") != height)
    g_settings_set_int (self->settings, "window-height", height);
}

/* What the first frame does not show waits until it is drawn. */
static gboolean
after_first_frame (gpointer user_data)
{
  UntrainWindow *self = user_data;

  self->after_first_frame_source = 0;

  /* Bound from the start, the size would be written back to the settings
   * as the window first sizes itself: twice, unchanged, before the first
   * frame of every start. Binding sets the window to what the settings
   * say, so first the settings take the window's size now: the window
   * manager or the person may have changed it since the window was made.
   */
  save_window_size (self);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* Reading the keyring and the platforms can wait a frame too. */
  _untrain_window_check_if_stale (self);

  return G_SOURCE_REMOVE;
}

static void
on_first_frame_cb (UntrainWindow *self,
                   GdkFrameClock *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_cb, self);

  /* Not in the middle of the frame clock's work */
  if (self->after_first_frame_source == 0)
    self->after_first_frame_source = g_idle_add (after_first_frame, self);
}

static void
untrain_window_map (GtkWidget *widget)
{
  UntrainWindow *self = UNTRAIN_WINDOW (widget);

  GTK_WIDGET_CLASS (untrain_window_parent_class)->map (widget);

  if (!self->mapped_once)
    {
      self->mapped_once = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (on_first_frame_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
untrain_window_dispose (GObject *object)
{
  UntrainWindow *self = (UntrainWindow *)object;

  g_clear_handle_id (&self->after_first_frame_source, g_source_remove);

  /* Nothing the window started goes on once it is closed. */
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_WINDOW);
  g_clear_object (&self->models);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->providers, g_hash_table_unref);

  G_OBJECT_CLASS (untrain_window_parent_class)->dispose (object);
}

static void
untrain_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UntrainWindow *self = UNTRAIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODELS:
      g_value_set_object (value, self->models);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UntrainWindow *self = UNTRAIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODELS:
      self->models = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_window_class_init (UntrainWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_window_constructed;
  object_class->dispose = untrain_window_dispose;
  object_class->get_property = untrain_window_get_property;
  object_class->set_property = untrain_window_set_property;

  widget_class->map = untrain_window_map;

  /**
   * UntrainWindow:models:
   *
   * A #GListModel of #UntrainStatusModel, one per platform of the catalog.
   */
  properties[PROP_MODELS] =
    g_param_spec_object ("models", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainWindow:settings:
   *
   * Untrain's settings: which platforms to show, and the window's size.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainWindow:history:
   *
   * Where live reads and changes are recorded.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         UNTRAIN_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, UntrainWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-platform", "s", show_platform_action);
  gtk_widget_class_install_action (widget_class, "win.open-setting", "s", open_setting_action);
  gtk_widget_class_install_action (widget_class, "win.open-url", "s", open_url_action);
  gtk_widget_class_install_action (widget_class, "win.mark-done", "s", mark_done_action);
  gtk_widget_class_install_action (widget_class, "win.undo-done", "s", undo_done_action);
  gtk_widget_class_install_action (widget_class, "win.write-letter", "s", write_letter_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);

  _untrain_window_class_init_live (widget_class);
}

static void
untrain_window_init (UntrainWindow *self)
{
  self->providers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, create_primary_menu_cb, self, NULL);
}

UntrainWindow *
untrain_window_new (GtkApplication *application,
                    GListModel     *models,
                    GSettings      *settings,
                    UntrainHistory *history)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (models), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (UNTRAIN_IS_HISTORY (history), NULL);

  return g_object_new (UNTRAIN_TYPE_WINDOW,
                       "application", application,
                       "models", models,
                       "settings", settings,
                       "history", history,
                       NULL);
}

/**
 * untrain_window_get_models:
 *
 * Returns: (transfer none): the #GListModel of #UntrainStatusModel
 */
GListModel *
untrain_window_get_models (UntrainWindow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_WINDOW (self), NULL);

  return self->models;
}

/**
 * untrain_window_show_message:
 *
 * Tells the person something that went wrong but did not stop Untrain.
 */
void
untrain_window_show_message (UntrainWindow *self,
                             const char    *message)
{
  AdwToast *toast;

  g_return_if_fail (UNTRAIN_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A passing message: something done, or a hiccup that fixes itself. */
void
_untrain_window_toast (UntrainWindow *self,
                       const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
