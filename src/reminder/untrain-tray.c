/* untrain-tray.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-tray"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "untrain-tray.h"

/* The icon is a StatusNotifierItem (freedesktop.org's draft, as KDE and
 * the GNOME AppIndicator extension speak it) with its menu over
 * com.canonical.dbusmenu, both exported on the connection we are given.
 *
 * The item owns a name of its own and registers that with the watcher:
 * hiding the icon releases the name, which tells the watcher and every
 * host at once that the item is gone. KDE's convention names it
 * "org.kde.StatusNotifierItem-<pid>-<n>", but a Flatpak sandbox lets an
 * app own only names under its id, so the name is
 * "io.github.untrain.Untrain.Reminder.Tray-<pid>-<n>"; watchers take any. Registering the connection's
 * unique name could not be taken back short of closing the connection.
 * Where the name cannot be owned (a sandbox that does not allow it), the
 * item registers the unique name instead.
 */

#define ITEM_PATH             "/StatusNotifierItem"
#define ITEM_INTERFACE        "org.kde.StatusNotifierItem"
#define MENU_PATH             "/MenuBar"
#define MENU_INTERFACE        "com.canonical.dbusmenu"
#define WATCHER_NAME          "org.kde.StatusNotifierWatcher"
#define WATCHER_PATH          "/StatusNotifierWatcher"
#define WATCHER_INTERFACE     "org.kde.StatusNotifierWatcher"

#define ICON_NAME             APPLICATION_ID "-symbolic"
#define ATTENTION_ICON_NAME   "dialog-warning-symbolic"
#define TITLE                 "Untrain"

/* The menu's only layout: it never changes while the item lives. */
#define MENU_REVISION         1

static const char item_xml[] =
  "<node>"
  "  <interface name='" ITEM_INTERFACE "'>"
  "    <property name='Category' type='s' access='read'/>"
  "    <property name='Id' type='s' access='read'/>"
  "    <property name='Title' type='s' access='read'/>"
  "    <property name='Status' type='s' access='read'/>"
  "    <property name='IconName' type='s' access='read'/>"
  "    <property name='AttentionIconName' type='s' access='read'/>"
  "    <property name='ToolTip' type='(sa(iiay)ss)' access='read'/>"
  "    <property name='ItemIsMenu' type='b' access='read'/>"
  "    <property name='Menu' type='o' access='read'/>"
  "    <method name='Activate'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='SecondaryActivate'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='ContextMenu'>"
  "      <arg name='x' type='i' direction='in'/>"
  "      <arg name='y' type='i' direction='in'/>"
  "    </method>"
  "    <method name='Scroll'>"
  "      <arg name='delta' type='i' direction='in'/>"
  "      <arg name='orientation' type='s' direction='in'/>"
  "    </method>"
  "    <signal name='NewIcon'/>"
  "    <signal name='NewAttentionIcon'/>"
  "    <signal name='NewToolTip'/>"
  "    <signal name='NewStatus'>"
  "      <arg name='status' type='s'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static const char menu_xml[] =
  "<node>"
  "  <interface name='" MENU_INTERFACE "'>"
  "    <property name='Version' type='u' access='read'/>"
  "    <property name='TextDirection' type='s' access='read'/>"
  "    <property name='Status' type='s' access='read'/>"
  "    <property name='IconThemePath' type='as' access='read'/>"
  "    <method name='GetLayout'>"
  "      <arg name='parentId' type='i' direction='in'/>"
  "      <arg name='recursionDepth' type='i' direction='in'/>"
  "      <arg name='propertyNames' type='as' direction='in'/>"
  "      <arg name='revision' type='u' direction='out'/>"
  "      <arg name='layout' type='(ia{sv}av)' direction='out'/>"
  "    </method>"
  "    <method name='GetGroupProperties'>"
  "      <arg name='ids' type='ai' direction='in'/>"
  "      <arg name='propertyNames' type='as' direction='in'/>"
  "      <arg name='properties' type='a(ia{sv})' direction='out'/>"
  "    </method>"
  "    <method name='GetProperty'>"
  "      <arg name='id' type='i' direction='in'/>"
  "      <arg name='name' type='s' direction='in'/>"
  "      <arg name='value' type='v' direction='out'/>"
  "    </method>"
  "    <method name='Event'>"
  "      <arg name='id' type='i' direction='in'/>"
  "      <arg name='eventId' type='s' direction='in'/>"
  "      <arg name='data' type='v' direction='in'/>"
  "      <arg name='timestamp' type='u' direction='in'/>"
  "    </method>"
  "    <method name='EventGroup'>"
  "      <arg name='events' type='a(isvu)' direction='in'/>"
  "      <arg name='idErrors' type='ai' direction='out'/>"
  "    </method>"
  "    <method name='AboutToShow'>"
  "      <arg name='id' type='i' direction='in'/>"
  "      <arg name='needUpdate' type='b' direction='out'/>"
  "    </method>"
  "    <method name='AboutToShowGroup'>"
  "      <arg name='ids' type='ai' direction='in'/>"
  "      <arg name='updatesNeeded' type='ai' direction='out'/>"
  "      <arg name='idErrors' type='ai' direction='out'/>"
  "    </method>"
  "    <signal name='ItemsPropertiesUpdated'>"
  "      <arg name='updatedProps' type='a(ia{sv})'/>"
  "      <arg name='removedProps' type='a(ias)'/>"
  "    </signal>"
  "    <signal name='LayoutUpdated'>"
  "      <arg name='revision' type='u'/>"
  "      <arg name='parent' type='i'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

/* The menu: a root (id 0) and its four items. */
typedef enum
{
  MENU_ROOT,
  MENU_REVIEW,
  MENU_CHECK_NOW,
  MENU_SNOOZE,
  MENU_TURN_OFF,
  N_MENU_IDS
} MenuId;

struct _UntrainTray
{
  GObject          parent_instance;

  GDBusConnection *bus;

  /* What the icon says */
  gboolean         needs_attention;
  char            *tooltip;
  char            *platform_id;

  /* Shown or hidden: exported objects and the name the item owns */
  gboolean         visible;
  guint            item_registration_id;
  guint            menu_registration_id;
  char            *item_name;
  guint            own_name_id;
  char            *service;

  /* The watcher, and our registration with it */
  guint            watch_id;
  char            *watcher_owner;
  GCancellable    *register_cancellable;
  gboolean         registered;
};

enum {
  PROP_0,
  PROP_BUS,
  PROP_VISIBLE,
  PROP_REGISTERED,
  N_PROPS
};

enum {
  REVIEW,
  CHECK_NOW,
  SNOOZE,
  TURN_OFF_REMINDERS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GDBusNodeInfo *item_info;
static GDBusNodeInfo *menu_info;

static const char * const menu_labels[N_MENU_IDS] = {
  [MENU_REVIEW]    = N_("Review Now"),
  [MENU_CHECK_NOW] = N_("Check Now"),
  [MENU_SNOOZE]    = N_("Remind Me Tomorrow"),
  [MENU_TURN_OFF]  = N_("Turn Off Reminders"),
};

G_DEFINE_FINAL_TYPE (UntrainTray, untrain_tray, G_TYPE_OBJECT)

static void try_register (UntrainTray *self);

static void
set_registered (UntrainTray *self,
                gboolean     registered)
{
  if (self->registered == registered)
    return;

  self->registered = registered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED]);
}

static void
cancel_registration (UntrainTray *self)
{
  g_cancellable_cancel (self->register_cancellable);
  g_clear_object (&self->register_cancellable);
}

static const char *
get_status (UntrainTray *self)
{
  return self->needs_attention ? "NeedsAttention" : "Passive";
}

static const char *
get_tooltip_text (UntrainTray *self)
{
  if (self->tooltip != NULL && self->tooltip[0] != '\0')
    return self->tooltip;

  if (self->needs_attention)
    return _("Something needs your attention");

  return _("Nothing needs doing");
}

static void
emit_item_signal (UntrainTray *self,
                  const char  *name,
                  GVariant    *parameters)
{
  g_autoptr(GError) error = NULL;

  if (!g_dbus_connection_emit_signal (self->bus, NULL, ITEM_PATH, ITEM_INTERFACE,
                                      name, parameters, &error))
    g_debug ("Could not tell the tray about %s: %s", name, error->message);
}

/* Signals to the rest of the reminder go out after the D-Bus reply, so a
 * handler may hide or drop the icon.
 */
static void
emit_menu_signal (UntrainTray *self,
                  MenuId       id)
{
  g_autoptr(UntrainTray) hold = g_object_ref (self);

  switch (id)
    {
    case MENU_REVIEW:
      g_signal_emit (self, signals[REVIEW], 0, self->platform_id);
      break;

    case MENU_CHECK_NOW:
      g_signal_emit (self, signals[CHECK_NOW], 0);
      break;

    case MENU_SNOOZE:
      g_signal_emit (self, signals[SNOOZE], 0);
      break;

    case MENU_TURN_OFF:
      g_signal_emit (self, signals[TURN_OFF_REMINDERS], 0);
      break;

    case MENU_ROOT:
    case N_MENU_IDS:
    default:
      break;
    }
}

/* The StatusNotifierItem */

static void
item_method_call (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  UntrainTray *self = user_data;

  g_dbus_method_invocation_return_value (invocation, NULL);

  /* ContextMenu and Scroll do nothing: the menu is the host's to show. */
  if (g_str_equal (method_name, "Activate") ||
      g_str_equal (method_name, "SecondaryActivate"))
    emit_menu_signal (self, MENU_REVIEW);
}

static GVariant *
item_get_property (GDBusConnection  *connection,
                   const char       *sender,
                   const char       *object_path,
                   const char       *interface_name,
                   const char       *property_name,
                   GError          **error,
                   gpointer          user_data)
{
  UntrainTray *self = user_data;

  if (g_str_equal (property_name, "Category"))
    return g_variant_new_string ("ApplicationStatus");

  if (g_str_equal (property_name, "Id"))
    return g_variant_new_string (APPLICATION_ID);

  if (g_str_equal (property_name, "Title"))
    return g_variant_new_string (TITLE);

  if (g_str_equal (property_name, "Status"))
    return g_variant_new_string (get_status (self));

  if (g_str_equal (property_name, "IconName"))
    return g_variant_new_string (ICON_NAME);

  if (g_str_equal (property_name, "AttentionIconName"))
    return g_variant_new_string (ATTENTION_ICON_NAME);

  if (g_str_equal (property_name, "ToolTip"))
    return g_variant_new ("(s@a(iiay)ss)",
                          self->needs_attention ? ATTENTION_ICON_NAME : ICON_NAME,
                          g_variant_new_array (G_VARIANT_TYPE ("(iiay)"), NULL, 0),
                          TITLE,
                          get_tooltip_text (self));

  if (g_str_equal (property_name, "ItemIsMenu"))
    return g_variant_new_boolean (FALSE);

  if (g_str_equal (property_name, "Menu"))
    return g_variant_new_object_path (MENU_PATH);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY,
               "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable item_vtable = {
  item_method_call,
  item_get_property,
  NULL,
};

/* The menu, over com.canonical.dbusmenu */

static gboolean
is_menu_id (int id)
{
  return id >= MENU_ROOT && id < N_MENU_IDS;
}

static gboolean
wants_property (const char * const *names,
                const char         *name)
{
  return names == NULL || names[0] == NULL || g_strv_contains (names, name);
}

static GVariant *
menu_item_property (MenuId      id,
                    const char *name)
{
  if (id == MENU_ROOT)
    {
      if (g_str_equal (name, "children-display"))
        return g_variant_new_string ("submenu");
      return NULL;
    }

  if (g_str_equal (name, "label"))
    return g_variant_new_string (_(menu_labels[id]));

  if (g_str_equal (name, "enabled") || g_str_equal (name, "visible"))
    return g_variant_new_boolean (TRUE);

  return NULL;
}

static GVariant *
menu_item_properties (MenuId              id,
                      const char * const *names)
{
  static const char * const all_names[] = { "children-display", "label", "enabled", "visible" };
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);

  for (guint i = 0; i < G_N_ELEMENTS (all_names); i++)
    {
      GVariant *value;

      if (!wants_property (names, all_names[i]))
        continue;

      value = menu_item_property (id, all_names[i]);
      if (value != NULL)
        g_variant_builder_add (&builder, "{sv}", all_names[i], value);
    }

  return g_variant_builder_end (&builder);
}

static GVariant *
menu_layout (MenuId              id,
             int                 depth,
             const char * const *names)
{
  GVariantBuilder children;

  g_variant_builder_init (&children, G_VARIANT_TYPE ("av"));

  /* A depth of -1 is "all the way down"; 0 is the item alone. */
  if (id == MENU_ROOT && depth != 0)
    {
      for (int child = MENU_REVIEW; child < N_MENU_IDS; child++)
        g_variant_builder_add (&children, "v",
                               menu_layout (child, depth > 0 ? depth - 1 : -1, names));
    }

  return g_variant_new ("(i@a{sv}av)",
                        (gint32)id,
                        menu_item_properties (id, names),
                        &children);
}

static void
return_unknown_id (GDBusMethodInvocation *invocation,
                   int                    id)
{
  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                         "No menu item has the id %d", id);
}

static void
menu_get_layout (GDBusMethodInvocation *invocation,
                 GVariant              *parameters)
{
  g_autofree const char **names = NULL;
  gint32 parent_id;
  gint32 depth;

  g_variant_get (parameters, "(ii^a&s)", &parent_id, &depth, &names);

  if (!is_menu_id (parent_id))
    {
      return_unknown_id (invocation, parent_id);
      return;
    }

  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(u@(ia{sv}av))",
                                                        (guint32)MENU_REVISION,
                                                        menu_layout (parent_id, depth, names)));
}

static void
menu_get_group_properties (GDBusMethodInvocation *invocation,
                           GVariant              *parameters)
{
  g_autoptr(GVariant) ids = NULL;
  g_autofree const char **names = NULL;
  GVariantBuilder builder;
  const gint32 *id_values;
  gsize n_ids;

  g_variant_get (parameters, "(@ai^a&s)", &ids, &names);
  id_values = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint32));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ia{sv})"));

  /* No ids at all asks for every item; ids we do not have are left out. */
  if (n_ids == 0)
    {
      for (int id = MENU_ROOT; id < N_MENU_IDS; id++)
        g_variant_builder_add (&builder, "(i@a{sv})", (gint32)id, menu_item_properties (id, names));
    }
  else
    {
      for (gsize i = 0; i < n_ids; i++)
        {
          if (is_menu_id (id_values[i]))
            g_variant_builder_add (&builder, "(i@a{sv})",
                                   id_values[i], menu_item_properties (id_values[i], names));
        }
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a(ia{sv}))", &builder));
}

static void
menu_get_property (GDBusMethodInvocation *invocation,
                   GVariant              *parameters)
{
  const char *name;
  GVariant *value;
  gint32 id;

  g_variant_get (parameters, "(i&s)", &id, &name);

  if (!is_menu_id (id))
    {
      return_unknown_id (invocation, id);
      return;
    }

  value = menu_item_property (id, name);
  if (value == NULL)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "Menu item %d has no property %s", id, name);
      return;
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(v)", value));
}

/* Only "clicked" on an item does something; "opened", "closed" and
 * "hovered" are for menus that change as they are shown.
 */
static MenuId
menu_clicked_item (int         id,
                   const char *event_id)
{
  if (id > MENU_ROOT && id < N_MENU_IDS && g_str_equal (event_id, "clicked"))
    return id;

  return MENU_ROOT;
}

static void
menu_event (UntrainTray           *self,
            GDBusMethodInvocation *invocation,
            GVariant              *parameters)
{
  g_autoptr(GVariant) data = NULL;
  const char *event_id;
  guint32 timestamp;
  gint32 id;

  g_variant_get (parameters, "(i&svu)", &id, &event_id, &data, &timestamp);

  if (!is_menu_id (id))
    {
      return_unknown_id (invocation, id);
      return;
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
  emit_menu_signal (self, menu_clicked_item (id, event_id));
}

static void
menu_event_group (UntrainTray           *self,
                  GDBusMethodInvocation *invocation,
                  GVariant              *parameters)
{
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GArray) clicked = g_array_new (FALSE, FALSE, sizeof (MenuId));
  GVariantBuilder not_found;
  const char *event_id;
  GVariant *data;
  guint32 timestamp;
  gsize n_events = 0;
  gsize n_not_found = 0;
  gint32 id;

  g_variant_get (parameters, "(a(isvu))", &iter);
  g_variant_builder_init (&not_found, G_VARIANT_TYPE ("ai"));

  while (g_variant_iter_loop (iter, "(i&svu)", &id, &event_id, &data, &timestamp))
    {
      n_events++;

      if (!is_menu_id (id))
        {
          g_variant_builder_add (&not_found, "i", id);
          n_not_found++;
        }
      else
        {
          MenuId item = menu_clicked_item (id, event_id);

          if (item != MENU_ROOT)
            g_array_append_val (clicked, item);
        }
    }

  /* As the protocol says: an error only when none of the ids was found. */
  if (n_events > 0 && n_not_found == n_events)
    {
      g_variant_builder_clear (&not_found);
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                             "None of the %" G_GSIZE_FORMAT " events is for a menu item",
                                             n_events);
      return;
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ai)", &not_found));

  for (guint i = 0; i < clicked->len; i++)
    emit_menu_signal (self, g_array_index (clicked, MenuId, i));
}

static void
menu_about_to_show (GDBusMethodInvocation *invocation,
                    GVariant              *parameters)
{
  gint32 id;

  g_variant_get (parameters, "(i)", &id);

  if (!is_menu_id (id))
    {
      return_unknown_id (invocation, id);
      return;
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", FALSE));
}

static void
menu_about_to_show_group (GDBusMethodInvocation *invocation,
                          GVariant              *parameters)
{
  g_autoptr(GVariant) ids = NULL;
  GVariantBuilder not_found;
  const gint32 *id_values;
  gsize n_ids;

  g_variant_get (parameters, "(@ai)", &ids);
  id_values = g_variant_get_fixed_array (ids, &n_ids, sizeof (gint32));

  g_variant_builder_init (&not_found, G_VARIANT_TYPE ("ai"));
  for (gsize i = 0; i < n_ids; i++)
    {
      if (!is_menu_id (id_values[i]))
        g_variant_builder_add (&not_found, "i", id_values[i]);
    }

  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(@aiai)",
                                                        g_variant_new_array (G_VARIANT_TYPE_INT32, NULL, 0),
                                                        &not_found));
}

static void
menu_method_call (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  UntrainTray *self = user_data;

  if (g_str_equal (method_name, "GetLayout"))
    menu_get_layout (invocation, parameters);
  else if (g_str_equal (method_name, "GetGroupProperties"))
    menu_get_group_properties (invocation, parameters);
  else if (g_str_equal (method_name, "GetProperty"))
    menu_get_property (invocation, parameters);
  else if (g_str_equal (method_name, "Event"))
    menu_event (self, invocation, parameters);
  else if (g_str_equal (method_name, "EventGroup"))
    menu_event_group (self, invocation, parameters);
  else if (g_str_equal (method_name, "AboutToShow"))
    menu_about_to_show (invocation, parameters);
  else if (g_str_equal (method_name, "AboutToShowGroup"))
    menu_about_to_show_group (invocation, parameters);
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static GVariant *
menu_get_dbus_property (GDBusConnection  *connection,
                        const char       *sender,
                        const char       *object_path,
                        const char       *interface_name,
                        const char       *property_name,
                        GError          **error,
                        gpointer          user_data)
{
  if (g_str_equal (property_name, "Version"))
    return g_variant_new_uint32 (3);

  if (g_str_equal (property_name, "TextDirection"))
    return g_variant_new_string ("ltr");

  if (g_str_equal (property_name, "Status"))
    return g_variant_new_string ("normal");

  if (g_str_equal (property_name, "IconThemePath"))
    return g_variant_new_strv (NULL, 0);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY,
               "No property %s", property_name);
  return NULL;
}

static const GDBusInterfaceVTable menu_vtable = {
  menu_method_call,
  menu_get_dbus_property,
  NULL,
};

/* Registering with the watcher */

static void
register_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  UntrainTray *self;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);

  /* Cancelled: the tray is gone, hidden, or the watcher went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = UNTRAIN_TRAY (user_data);
  g_clear_object (&self->register_cancellable);

  if (reply == NULL)
    {
      g_debug ("The tray did not take the icon: %s", error->message);
      return;
    }

  g_debug ("Registered %s with the tray", self->service);
  set_registered (self, TRUE);
}

static void
try_register (UntrainTray *self)
{
  if (!self->visible ||
      self->watcher_owner == NULL ||
      self->service == NULL ||
      self->registered ||
      self->register_cancellable != NULL)
    return;

  self->register_cancellable = g_cancellable_new ();
  g_dbus_connection_call (self->bus,
                          self->watcher_owner,
                          WATCHER_PATH,
                          WATCHER_INTERFACE,
                          "RegisterStatusNotifierItem",
                          g_variant_new ("(s)", self->service),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          self->register_cancellable,
                          register_cb,
                          self);
}

static void
watcher_appeared_cb (GDBusConnection *connection,
                     const char      *name,
                     const char      *name_owner,
                     gpointer         user_data)
{
  UntrainTray *self = UNTRAIN_TRAY (user_data);

  g_debug ("The desktop has a tray (%s)", name_owner);

  /* A watcher that comes back knows nothing of us. */
  cancel_registration (self);
  set_registered (self, FALSE);

  g_free (self->watcher_owner);
  self->watcher_owner = g_strdup (name_owner);

  try_register (self);
}

static void
watcher_vanished_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  UntrainTray *self = UNTRAIN_TRAY (user_data);

  g_debug ("No tray on the desktop: the icon waits for one");

  cancel_registration (self);
  g_clear_pointer (&self->watcher_owner, g_free);
  set_registered (self, FALSE);
}

static void
use_service (UntrainTray *self,
             const char  *service)
{
  if (g_strcmp0 (self->service, service) == 0)
    return;

  cancel_registration (self);
  set_registered (self, FALSE);

  g_free (self->service);
  self->service = g_strdup (service);

  try_register (self);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  use_service (UNTRAIN_TRAY (user_data), name);
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  UntrainTray *self = UNTRAIN_TRAY (user_data);

  if (connection == NULL || g_dbus_connection_is_closed (connection))
    {
      g_debug ("The bus went away: the icon is gone with it");
      return;
    }

  g_debug ("Could not own %s; registering the connection's own name instead", name);
  use_service (self, g_dbus_connection_get_unique_name (connection));
}

/* Showing and hiding */

static guint
export_object (UntrainTray                *self,
               const char                 *path,
               GDBusNodeInfo              *info,
               const GDBusInterfaceVTable *vtable)
{
  g_autoptr(GError) error = NULL;
  guint id;

  id = g_dbus_connection_register_object (self->bus, path, info->interfaces[0],
                                          vtable, self, NULL, &error);
  if (id == 0)
    g_warning ("Could not export the tray icon at %s: %s", path, error->message);

  return id;
}

static void
show (UntrainTray *self)
{
  /* The objects first: the watcher and hosts read them as soon as the
   * name shows up.
   */
  self->item_registration_id = export_object (self, ITEM_PATH, item_info, &item_vtable);
  self->menu_registration_id = export_object (self, MENU_PATH, menu_info, &menu_vtable);

  self->own_name_id = g_bus_own_name_on_connection (self->bus,
                                                    self->item_name,
                                                    G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                    name_acquired_cb,
                                                    name_lost_cb,
                                                    self,
                                                    NULL);
}

static void
unexport (UntrainTray *self)
{
  cancel_registration (self);

  if (self->own_name_id != 0)
    {
      g_bus_unown_name (self->own_name_id);
      self->own_name_id = 0;
    }
  g_clear_pointer (&self->service, g_free);

  if (self->item_registration_id != 0)
    {
      g_dbus_connection_unregister_object (self->bus, self->item_registration_id);
      self->item_registration_id = 0;
    }

  if (self->menu_registration_id != 0)
    {
      g_dbus_connection_unregister_object (self->bus, self->menu_registration_id);
      self->menu_registration_id = 0;
    }
}

/* GObject */

static void
untrain_tray_constructed (GObject *object)
{
  UntrainTray *self = UNTRAIN_TRAY (object);
  static guint n_items;

  G_OBJECT_CLASS (untrain_tray_parent_class)->constructed (object);

  g_assert (G_IS_DBUS_CONNECTION (self->bus));

  self->item_name = g_strdup_printf (APPLICATION_ID ".Reminder.Tray-%d-%u", (int)getpid (), ++n_items);

  self->watch_id = g_bus_watch_name_on_connection (self->bus,
                                                   WATCHER_NAME,
                                                   G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                   watcher_appeared_cb,
                                                   watcher_vanished_cb,
                                                   self,
                                                   NULL);

  if (self->visible)
    show (self);
}

static void
untrain_tray_dispose (GObject *object)
{
  UntrainTray *self = (UntrainTray *)object;

  if (self->watch_id != 0)
    {
      g_bus_unwatch_name (self->watch_id);
      self->watch_id = 0;
    }

  if (self->bus != NULL)
    unexport (self);

  g_clear_object (&self->bus);

  G_OBJECT_CLASS (untrain_tray_parent_class)->dispose (object);
}

static void
untrain_tray_finalize (GObject *object)
{
  UntrainTray *self = (UntrainTray *)object;

  g_clear_pointer (&self->tooltip, g_free);
  g_clear_pointer (&self->platform_id, g_free);
  g_clear_pointer (&self->item_name, g_free);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->watcher_owner, g_free);

  G_OBJECT_CLASS (untrain_tray_parent_class)->finalize (object);
}

static void
untrain_tray_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UntrainTray *self = UNTRAIN_TRAY (object);

  switch (prop_id)
    {
    case PROP_BUS:
      g_value_set_object (value, self->bus);
      break;

    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;

    case PROP_REGISTERED:
      g_value_set_boolean (value, self->registered);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_tray_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UntrainTray *self = UNTRAIN_TRAY (object);

  switch (prop_id)
    {
    case PROP_BUS:
      self->bus = g_value_dup_object (value);
      break;

    case PROP_VISIBLE:
      untrain_tray_set_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_tray_class_init (UntrainTrayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = untrain_tray_constructed;
  object_class->dispose = untrain_tray_dispose;
  object_class->finalize = untrain_tray_finalize;
  object_class->get_property = untrain_tray_get_property;
  object_class->set_property = untrain_tray_set_property;

  properties[PROP_BUS] =
    g_param_spec_object ("bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Not a construct property: the icon shows when it is made, and hides
   * when "visible" is set to FALSE, at g_object_new() or later.
   */
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGISTERED] =
    g_param_spec_boolean ("registered", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UntrainTray::review:
   * @platform_id: (nullable): the platform that needs the person, as
   *   untrain_tray_set_attention() last said
   *
   * The icon was activated, or "Review Now" chosen in its menu.
   */
  signals[REVIEW] =
    g_signal_new ("review",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * UntrainTray::check-now:
   *
   * "Check Now" was chosen in the icon's menu.
   */
  signals[CHECK_NOW] =
    g_signal_new ("check-now",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * UntrainTray::snooze:
   *
   * "Remind Me Tomorrow" was chosen in the icon's menu.
   */
  signals[SNOOZE] =
    g_signal_new ("snooze",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * UntrainTray::turn-off-reminders:
   *
   * "Turn Off Reminders" was chosen in the icon's menu.
   */
  signals[TURN_OFF_REMINDERS] =
    g_signal_new ("turn-off-reminders",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  item_info = g_dbus_node_info_new_for_xml (item_xml, NULL);
  menu_info = g_dbus_node_info_new_for_xml (menu_xml, NULL);
  g_assert (item_info != NULL && menu_info != NULL);
}

static void
untrain_tray_init (UntrainTray *self)
{
  self->visible = TRUE;
}

/**
 * untrain_tray_new:
 * @bus: the session bus
 *
 * Exports the icon on @bus at once and registers it with the desktop's
 * tray whenever there is one.
 *
 * Returns: (transfer full): a new tray icon
 */
UntrainTray *
untrain_tray_new (GDBusConnection *bus)
{
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (bus), NULL);

  return g_object_new (UNTRAIN_TYPE_TRAY,
                       "bus", bus,
                       NULL);
}

/**
 * untrain_tray_set_visible:
 * @visible: whether to show the icon
 *
 * A hidden icon is neither exported nor registered; shown again, it
 * registers again.
 */
void
untrain_tray_set_visible (UntrainTray *self,
                          gboolean     visible)
{
  g_return_if_fail (UNTRAIN_IS_TRAY (self));

  visible = !!visible;
  if (self->visible == visible)
    return;

  self->visible = visible;

  /* During g_object_new() the objects are exported in constructed(). */
  if (self->watch_id != 0)
    {
      if (visible)
        {
          show (self);
        }
      else
        {
          unexport (self);
          set_registered (self, FALSE);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

gboolean
untrain_tray_get_visible (UntrainTray *self)
{
  g_return_val_if_fail (UNTRAIN_IS_TRAY (self), FALSE);

  return self->visible;
}

/**
 * untrain_tray_set_attention:
 * @needs_attention: whether something needs the person
 * @tooltip: (nullable): what needs doing, in a sentence
 * @platform_id: (nullable): the platform to open on "review"
 *
 * Sets the icon's status (NeedsAttention or Passive) and its tooltip, and
 * tells the tray when they changed.
 */
void
untrain_tray_set_attention (UntrainTray *self,
                            gboolean     needs_attention,
                            const char  *tooltip,
                            const char  *platform_id)
{
  g_autofree char *old_text = NULL;
  gboolean status_changed;
  gboolean tooltip_changed;

  g_return_if_fail (UNTRAIN_IS_TRAY (self));

  needs_attention = !!needs_attention;
  old_text = g_strdup (get_tooltip_text (self));
  status_changed = self->needs_attention != needs_attention;

  self->needs_attention = needs_attention;
  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
  g_free (self->platform_id);
  self->platform_id = g_strdup (platform_id);

  /* The tooltip's icon follows the status. */
  tooltip_changed = status_changed || g_strcmp0 (old_text, get_tooltip_text (self)) != 0;

  if (self->item_registration_id == 0)
    return;

  if (status_changed)
    emit_item_signal (self, "NewStatus", g_variant_new ("(s)", get_status (self)));

  if (tooltip_changed)
    emit_item_signal (self, "NewToolTip", NULL);
}

/**
 * untrain_tray_is_registered:
 *
 * Returns: whether the desktop's tray took the icon; "notify::registered"
 *   says when that changes
 */
gboolean
untrain_tray_is_registered (UntrainTray *self)
{
  g_return_val_if_fail (UNTRAIN_IS_TRAY (self), FALSE);

  return self->registered;
}
