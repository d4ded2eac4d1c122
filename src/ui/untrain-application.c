/* untrain-application.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-application"

#include "config.h"

#include <glib/gi18n.h>

#ifdef HAVE_LIBPORTAL
# include <libportal/portal.h>
# include <libportal-gtk4/portal-gtk4.h>
#endif

#include "untrain-application.h"
#include "untrain-autostart.h"
#include "untrain-command-line.h"
#include "untrain-preferences-window.h"
#include "untrain-status-model.h"
#include "untrain-window.h"
#include "untrain-wizard.h"

struct _UntrainApplication
{
  AdwApplication     parent_instance;

  GSettings         *settings;
  UntrainCatalog    *catalog;
  UntrainStateStore *store;
  UntrainHistory    *history;
  GListStore        *models;
  GFileMonitor      *state_monitor;
  guint              reload_source;

  /* Starting the reminder */
  GCancellable      *cancellable;
  char              *reminder_message;
#ifdef HAVE_LIBPORTAL
  XdpPortal         *portal;
#endif
};

#define REMINDER_BUS_NAME "io.github.untrain.Untrain.Reminder"

static GtkWindow *find_window (UntrainApplication *self,
                               GType               type);

G_DEFINE_FINAL_TYPE (UntrainApplication, untrain_application, ADW_TYPE_APPLICATION)

UntrainApplication *
untrain_application_new (void)
{
  return g_object_new (UNTRAIN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/* The command-line calls are answered here too, for a build that starts
 * this application directly: `untrain` answers them before it loads the
 * window's module (main.c).
 */
static int
untrain_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  int status = untrain_command_line_handle_options (options);

  if (status >= 0)
    return status;

  return G_APPLICATION_CLASS (untrain_application_parent_class)->handle_local_options (application, options);
}

static void
update_person (UntrainApplication *self)
{
  g_autofree char *country = untrain_person_get_country (self->settings);
  int age = untrain_person_get_age (self->settings);
  guint n_models = g_list_model_get_n_items (G_LIST_MODEL (self->models));

  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr(UntrainStatusModel) model = g_list_model_get_item (G_LIST_MODEL (self->models), i);

      untrain_status_model_set_person (model, country, age);
    }
}

static void
on_person_changed_cb (UntrainApplication *self,
                      const char         *key,
                      GSettings          *settings)
{
  update_person (self);
}

/* Something about reminders the person should know, in the main window:
 * now if it is open, or when it opens.
 */
static void
show_reminder_message (UntrainApplication *self,
                       const char         *message)
{
  GtkWindow *window = find_window (self, UNTRAIN_TYPE_WINDOW);

  if (window != NULL)
    {
      untrain_window_show_message (UNTRAIN_WINDOW (window), message);
      return;
    }

  g_free (self->reminder_message);
  self->reminder_message = g_strdup (message);
}

static void
spawn_reminder (UntrainApplication *self)
{
  const char *binary = g_getenv ("UNTRAIN_REMINDER_BINARY");
  g_autoptr(GError) error = NULL;
  char *argv[2] = { NULL, NULL };

  /* UNTRAIN_REMINDER_BINARY: the one in the build tree, for `meson devenv` */
  if (binary == NULL || binary[0] == '\0')
    binary = LIBEXECDIR "/untrain-reminder";

  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_debug ("No reminder at %s: not starting it", binary);
      return;
    }

  /* Not a child Untrain waits for: it keeps running when Untrain quits. */
  argv[0] = (char *)binary;
  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not start reminders: %s"), error->message);

      show_reminder_message (self, message);
      return;
    }

  g_debug ("Started %s", binary);
}

static void
reminder_has_owner_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(UntrainApplication) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not tell whether the reminder runs: %s", error->message);
      return;
    }

  g_variant_get (reply, "(b)", &has_owner);
  if (has_owner)
    {
      g_debug ("The reminder is running");
      return;
    }

  /* Turned off while the bus answered */
  if (self->settings == NULL || !g_settings_get_boolean (self->settings, "reminder-enabled"))
    return;

  spawn_reminder (self);
}

/* Starts the reminder unless it runs already: it owns its bus name. */
static void
ensure_reminder_running (UntrainApplication *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

  if (bus == NULL)
    {
      g_debug ("No session bus: not starting the reminder");
      return;
    }

  g_dbus_connection_call (bus,
                          "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner",
                          g_variant_new ("(s)", REMINDER_BUS_NAME),
                          G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable,
                          reminder_has_owner_cb, g_object_ref (self));
}

#ifdef HAVE_LIBPORTAL
static void
request_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(UntrainApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_request_background_finish (XDP_PORTAL (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      message = g_strdup_printf (_("Reminders cannot start at login: %s"), error->message);
      show_reminder_message (self, message);
    }
}

/* Inside Flatpak, the Background portal starts the reminder at login. */
static void
request_background (UntrainApplication *self,
                    gboolean            enabled)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(XdpParent) parent = NULL;
  GPtrArray *commandline = NULL;

  if (self->portal == NULL)
    self->portal = xdp_portal_new ();

  /* A parent is only for a window on screen */
  if (window != NULL && gtk_widget_get_realized (GTK_WIDGET (window)))
    parent = xdp_parent_new_gtk (window);

  if (enabled)
    {
      commandline = g_ptr_array_new_with_free_func (g_free);
      /* The portal runs a bare name from /app/bin only: the reminder is
       * in libexec. */
      g_ptr_array_add (commandline, g_strdup (LIBEXECDIR "/untrain-reminder"));
    }

  xdp_portal_request_background (self->portal, parent,
                                 _("Untrain reminds you to re-check your settings"),
                                 commandline,
                                 enabled ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 self->cancellable,
                                 request_background_cb, g_object_ref (self));
}
#endif

/* Makes the reminder start at login, and now, as reminder-enabled says;
 * or not start at login any more. It watches the settings itself, and
 * stops when reminders are turned off.
 */
static void
sync_reminder (UntrainApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminder-enabled");
  g_autoptr(GError) error = NULL;

  if (untrain_autostart_is_sandboxed ())
    {
#ifdef HAVE_LIBPORTAL
      request_background (self, enabled);
#else
      g_debug ("Built without libportal: reminders cannot start at login inside Flatpak");
#endif
    }
  else if (!untrain_autostart_set_enabled (enabled, &error))
    show_reminder_message (self, error->message);

  /* The portal starts it at the next login; until then, start it here. */
  if (enabled)
    ensure_reminder_running (self);
}

static void
on_reminder_enabled_changed_cb (UntrainApplication *self,
                                const char         *key,
                                GSettings          *settings)
{
  sync_reminder (self);
}

/* The reminder and the command line write the state file too: show what
 * they found while the window is open.
 */
static gboolean
reload_state (gpointer user_data)
{
  UntrainApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_models;

  self->reload_source = 0;

  if (!untrain_state_store_reload_if_changed (self->store, &error))
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      return G_SOURCE_REMOVE;
    }

  if (!untrain_history_load (self->history, &error))
    g_warning ("%s", error->message);

  n_models = g_list_model_get_n_items (G_LIST_MODEL (self->models));
  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr(UntrainStatusModel) model = g_list_model_get_item (G_LIST_MODEL (self->models), i);

      untrain_status_model_reload (model);
    }

  return G_SOURCE_REMOVE;
}

static void
on_state_file_changed_cb (UntrainApplication *self,
                          GFile              *file,
                          GFile              *other_file,
                          GFileMonitorEvent   event,
                          GFileMonitor       *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_DELETED || self->reload_source != 0)
    return;

  /* A write comes as several events: read once they are over. */
  self->reload_source = g_timeout_add (250, reload_state, self);
}

static void
untrain_application_startup (GApplication *application)
{
  UntrainApplication *self = UNTRAIN_APPLICATION (application);
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(GFile) history_file = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *country = NULL;

  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (untrain_application_parent_class)->startup (application);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = g_settings_new (APPLICATION_ID);
  self->catalog = untrain_catalog_new_default ();

  state_file = untrain_state_store_get_default_file ();
  self->store = untrain_state_store_new (state_file);
  if (!untrain_state_store_load (self->store, &error))
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }

  self->state_monitor = g_file_monitor_file (state_file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->state_monitor != NULL)
    g_signal_connect_object (self->state_monitor, "changed",
                             G_CALLBACK (on_state_file_changed_cb), self, G_CONNECT_SWAPPED);

  history_file = untrain_history_get_default_file ();
  self->history = untrain_history_new (history_file);
  if (!untrain_history_load (self->history, &error))
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }

  country = untrain_person_get_country (self->settings);
  models = untrain_command_line_build_models (self->catalog, self->store, self->settings,
                                              country,
                                              untrain_person_get_age (self->settings));
  self->models = g_list_store_new (UNTRAIN_TYPE_STATUS_MODEL);
  g_list_store_splice (self->models, 0, 0, models->pdata, models->len);

  g_signal_connect_object (self->settings, "changed::country",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::age-group",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::reminder-enabled",
                           G_CALLBACK (on_reminder_enabled_changed_cb), self, G_CONNECT_SWAPPED);
  sync_reminder (self);
}

static GtkWindow *
find_window (UntrainApplication *self,
             GType               type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }

  return NULL;
}

static UntrainWindow *
ensure_main_window (UntrainApplication *self)
{
  GtkWindow *window = find_window (self, UNTRAIN_TYPE_WINDOW);
  GFile *moved_aside;
  const char * const *warnings;

  if (window != NULL)
    return UNTRAIN_WINDOW (window);

  window = GTK_WINDOW (untrain_window_new (GTK_APPLICATION (self),
                                           G_LIST_MODEL (self->models),
                                           self->settings,
                                           self->history));

  /* What went wrong at start-up, said once, in the first window. */
  moved_aside = untrain_state_store_get_moved_aside (self->store);
  if (moved_aside != NULL)
    {
      g_autofree char *path = g_file_get_path (moved_aside);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Your saved progress was damaged and was moved to %s"), path);
      untrain_window_show_message (UNTRAIN_WINDOW (window), message);
    }

  warnings = untrain_catalog_get_warnings (self->catalog);
  for (guint i = 0; warnings[i] != NULL; i++)
    untrain_window_show_message (UNTRAIN_WINDOW (window), warnings[i]);

  if (self->reminder_message != NULL)
    {
      untrain_window_show_message (UNTRAIN_WINDOW (window), self->reminder_message);
      g_clear_pointer (&self->reminder_message, g_free);
    }

  return UNTRAIN_WINDOW (window);
}

static void
on_wizard_finished_cb (UntrainApplication *self)
{
  UntrainWindow *window = ensure_main_window (self);

  untrain_window_show_first_pending (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_wizard (UntrainApplication *self)
{
  GtkWindow *wizard = find_window (self, UNTRAIN_TYPE_WIZARD);

  if (wizard == NULL)
    {
      wizard = GTK_WINDOW (untrain_wizard_new (GTK_APPLICATION (self), self->settings,
                                               self->catalog, self->store));
      g_signal_connect_object (wizard, "finished",
                               G_CALLBACK (on_wizard_finished_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_window_present (wizard);
}

static void
untrain_application_activate (GApplication *application)
{
  UntrainApplication *self = UNTRAIN_APPLICATION (application);

  if (!g_settings_get_boolean (self->settings, "first-run-done"))
    {
      show_wizard (self);
      return;
    }

  gtk_window_present (GTK_WINDOW (ensure_main_window (self)));
}

static void
untrain_application_dispose (GObject *object)
{
  UntrainApplication *self = (UntrainApplication *)object;

  g_cancellable_cancel (self->cancellable);
#ifdef HAVE_LIBPORTAL
  g_clear_object (&self->portal);
#endif
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->state_monitor);
  g_clear_object (&self->models);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (untrain_application_parent_class)->dispose (object);
}

static void
untrain_application_finalize (GObject *object)
{
  UntrainApplication *self = (UntrainApplication *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reminder_message, g_free);

  G_OBJECT_CLASS (untrain_application_parent_class)->finalize (object);
}

static void
untrain_application_class_init (UntrainApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = untrain_application_dispose;
  object_class->finalize = untrain_application_finalize;

  app_class->handle_local_options = untrain_application_handle_local_options;
  app_class->startup = untrain_application_startup;
  app_class->activate = untrain_application_activate;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  UntrainApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Untrain developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Untrain"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Untrain developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         /* Translators: the copyright line of the About window */
                         "copyright", _("© 2026 The Untrain developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
run_setup_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  show_wizard (UNTRAIN_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  UntrainApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  preferences = untrain_preferences_window_new (parent, self->settings, self->catalog);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_platform_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  UntrainApplication *self = user_data;
  UntrainWindow *window = ensure_main_window (self);

  if (!untrain_window_show_platform (window, g_variant_get_string (parameter, NULL)))
    untrain_window_show_first_pending (window);

  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "run-setup", run_setup_action },
  { "show-platform", show_platform_action, "s" },
};

static void
untrain_application_init (UntrainApplication *self)
{
  self->cancellable = g_cancellable_new ();

  untrain_command_line_add_options (G_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

UntrainCatalog *
untrain_application_get_catalog (UntrainApplication *self)
{
  g_return_val_if_fail (UNTRAIN_IS_APPLICATION (self), NULL);

  return self->catalog;
}

UntrainStateStore *
untrain_application_get_store (UntrainApplication *self)
{
  g_return_val_if_fail (UNTRAIN_IS_APPLICATION (self), NULL);

  return self->store;
}

GSettings *
untrain_application_get_settings (UntrainApplication *self)
{
  g_return_val_if_fail (UNTRAIN_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * untrain_application_get_models:
 *
 * Returns: (transfer none): a #GListModel of #UntrainStatusModel, one per
 *   platform, the person's platforms first
 */
GListModel *
untrain_application_get_models (UntrainApplication *self)
{
  g_return_val_if_fail (UNTRAIN_IS_APPLICATION (self), NULL);

  return G_LIST_MODEL (self->models);
}
