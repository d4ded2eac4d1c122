/* untrain-item-actions.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-item-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-button-line.h"
#include "untrain-item-actions.h"
#include "untrain-item-row-private.h"

/* What a checklist row shows when it is open: what the item is about, and
 * what to do about it, each through a window action whose target is
 * "platform/item". The row makes it when it first opens: most rows are
 * never opened, and this is most of a row's widgets.
 */
struct _UntrainItemActions
{
  GtkListBoxRow      parent_instance;

  char              *platform_id;
  UntrainItemStatus *item_status;
  gboolean           live;

  GtkLabel          *description_label;
  GtkWidget         *primary_buttons;
  GtkButton         *turn_off_button;
  GtkButton         *open_button;
  GtkButton         *letter_button;
  GtkButton         *done_button;
  GtkButton         *undo_button;
  GtkMenuButton     *learn_more_button;
};

enum {
  PROP_0,
  PROP_PLATFORM_ID,
  PROP_ITEM_STATUS,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainItemActions, untrain_item_actions, GTK_TYPE_LIST_BOX_ROW)

/* Two lines of buttons, each below the other where they do not fit side
 * by side: what to do (turn off, open the page, write the letter), then
 * the rest.
 */
static void
hide_empty_line (GtkWidget *line)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (line); child != NULL; child = gtk_widget_get_next_sibling (child))
    any |= gtk_widget_get_visible (child);

  gtk_widget_set_visible (line, any);
}

/* The button that has the window's focus, if it is one that update() may
 * hide. The window's, not gtk_widget_has_focus(): a live check may end
 * while the person is in another window, and the focus must be where
 * they left it when they come back.
 */
static GtkWidget *
get_focused_button (UntrainItemActions *self)
{
  GtkWidget * const buttons[] = {
    GTK_WIDGET (self->turn_off_button), GTK_WIDGET (self->open_button), GTK_WIDGET (self->letter_button),
    GTK_WIDGET (self->done_button), GTK_WIDGET (self->undo_button),
  };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (focus == buttons[i])
      return buttons[i];

  return NULL;
}

/* Pressing "Mark as Done" hides it and shows "Undo", and the other way
 * round; turning a switch off hides "Turn Off for Me". GTK would leave the
 * focus on the list around them, where a keyboard user loses their place:
 * keep it on the button that took the place of the one pressed, else on
 * the row's title.
 */
static void
keep_focus (UntrainItemActions *self,
            GtkWidget          *pressed)
{
  GtkWidget *next = NULL;
  GtkWidget *row;

  if (pressed == NULL || gtk_widget_get_visible (pressed))
    return;

  if (pressed == GTK_WIDGET (self->done_button))
    next = GTK_WIDGET (self->undo_button);
  else if (pressed == GTK_WIDGET (self->undo_button))
    next = GTK_WIDGET (self->done_button);
  else if (pressed == GTK_WIDGET (self->turn_off_button))
    next = GTK_WIDGET (self->open_button);

  if (next != NULL && gtk_widget_get_visible (next) && gtk_widget_grab_focus (next))
    return;

  row = gtk_widget_get_ancestor (GTK_WIDGET (self), UNTRAIN_TYPE_ITEM_ROW);
  if (row != NULL)
    gtk_widget_grab_focus (_untrain_item_row_get_header_row (UNTRAIN_ITEM_ROW (row)));
}

static void
update (UntrainItemActions *self)
{
  GtkWidget *focused_button = get_focused_button (self);
  UntrainItem *item = untrain_item_status_get_item (self->item_status);
  UntrainItemKind kind = untrain_item_get_kind (item);
  UntrainStatus status = untrain_item_status_get_status (self->item_status);
  UntrainEvidence evidence = untrain_item_status_get_evidence (self->item_status);
  gboolean applies = untrain_item_status_get_applies (self->item_status) == UNTRAIN_APPLIES_YES;

  /* Connected: Untrain turns the switch off itself, the page is second.
   * Only a switch it can read and write: a form is the person's to send.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->turn_off_button),
                          applies && self->live &&
                          kind == UNTRAIN_ITEM_KIND_TOGGLE && untrain_item_get_setting (item) != NULL &&
                          status != UNTRAIN_STATUS_DONE && status != UNTRAIN_STATUS_CHECKING);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button),
                          applies && untrain_item_get_url (item) != NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->turn_off_button)))
    gtk_widget_remove_css_class (GTK_WIDGET (self->open_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->open_button), "suggested-action");
  gtk_button_set_label (self->open_button,
                        kind == UNTRAIN_ITEM_KIND_FORM ? _("_Open Form") : _("_Open Setting"));
  gtk_widget_set_visible (GTK_WIDGET (self->letter_button),
                          applies && kind == UNTRAIN_ITEM_KIND_FORM);
  gtk_button_set_label (self->letter_button,
                        untrain_item_status_needs_follow_up (self->item_status)
                          ? _("Write _Follow-Up…") : _("Write _Letter…"));
  gtk_widget_set_visible (GTK_WIDGET (self->done_button),
                          applies && kind == UNTRAIN_ITEM_KIND_TOGGLE && status != UNTRAIN_STATUS_DONE);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button),
                          applies && kind != UNTRAIN_ITEM_KIND_INFO &&
                          evidence == UNTRAIN_EVIDENCE_CONFIRMED);
  hide_empty_line (self->primary_buttons);

  keep_focus (self, focused_button);
}

/* Made when it first opens, as the window's menus are: a popover for
 * every row would be made with the window, and hardly any is opened.
 */
static void
create_learn_more_menu_cb (GtkMenuButton *button,
                           gpointer       user_data)
{
  UntrainItemActions *self = UNTRAIN_ITEM_ACTIONS (user_data);
  UntrainItem *item = untrain_item_status_get_item (self->item_status);
  const char * const *sources = untrain_item_get_sources (item);
  g_autoptr(GMenu) menu = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = g_menu_new ();
  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (sources[i], G_URI_FLAGS_NONE, NULL);
      g_autoptr(GMenuItem) menu_item = NULL;
      g_autofree char *label = NULL;

      if (uri != NULL)
        label = g_strconcat (g_uri_get_host (uri), g_uri_get_path (uri), NULL);

      menu_item = g_menu_item_new (label != NULL ? label : sources[i], NULL);
      g_menu_item_set_action_and_target (menu_item, "win.open-url", "s", sources[i]);
      g_menu_append_item (menu, menu_item);
    }

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
untrain_item_actions_constructed (GObject *object)
{
  UntrainItemActions *self = (UntrainItemActions *)object;
  g_autofree char *target = NULL;
  UntrainItem *item;

  G_OBJECT_CLASS (untrain_item_actions_parent_class)->constructed (object);

  g_return_if_fail (self->platform_id != NULL);
  g_return_if_fail (UNTRAIN_IS_ITEM_STATUS (self->item_status));

  item = untrain_item_status_get_item (self->item_status);
  gtk_label_set_label (self->description_label, untrain_item_get_description (item));

  target = g_strdup_printf ("%s/%s", self->platform_id, untrain_item_get_id (item));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->turn_off_button), "s", target);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", target);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->letter_button), "s", target);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->done_button), "s", target);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->undo_button), "s", target);

  gtk_menu_button_set_create_popup_func (self->learn_more_button, create_learn_more_menu_cb, self, NULL);

  g_signal_connect_object (self->item_status, "notify",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
untrain_item_actions_dispose (GObject *object)
{
  UntrainItemActions *self = (UntrainItemActions *)object;

  g_clear_object (&self->item_status);

  G_OBJECT_CLASS (untrain_item_actions_parent_class)->dispose (object);
}

static void
untrain_item_actions_finalize (GObject *object)
{
  UntrainItemActions *self = (UntrainItemActions *)object;

  g_clear_pointer (&self->platform_id, g_free);

  G_OBJECT_CLASS (untrain_item_actions_parent_class)->finalize (object);
}

static void
untrain_item_actions_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UntrainItemActions *self = UNTRAIN_ITEM_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_PLATFORM_ID:
      g_value_set_string (value, self->platform_id);
      break;

    case PROP_ITEM_STATUS:
      g_value_set_object (value, self->item_status);
      break;

    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_item_actions_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UntrainItemActions *self = UNTRAIN_ITEM_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_PLATFORM_ID:
      self->platform_id = g_value_dup_string (value);
      break;

    case PROP_ITEM_STATUS:
      self->item_status = g_value_dup_object (value);
      break;

    case PROP_LIVE:
      untrain_item_actions_set_live (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_item_actions_class_init (UntrainItemActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_item_actions_constructed;
  object_class->dispose = untrain_item_actions_dispose;
  object_class->finalize = untrain_item_actions_finalize;
  object_class->get_property = untrain_item_actions_get_property;
  object_class->set_property = untrain_item_actions_set_property;

  properties[PROP_PLATFORM_ID] =
    g_param_spec_string ("platform-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM_STATUS] =
    g_param_spec_object ("item-status", NULL, NULL,
                         UNTRAIN_TYPE_ITEM_STATUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainItemActions:live:
   *
   * Whether the person's account is connected, so that Untrain can turn
   * the switch off itself.
   */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNTRAIN_TYPE_BUTTON_LINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-item-actions.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, description_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, primary_buttons);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, turn_off_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, open_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, letter_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, done_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, undo_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemActions, learn_more_button);
}

static void
untrain_item_actions_init (UntrainItemActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
untrain_item_actions_new (const char        *platform_id,
                          UntrainItemStatus *item_status)
{
  g_return_val_if_fail (platform_id != NULL, NULL);
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (item_status), NULL);

  return g_object_new (UNTRAIN_TYPE_ITEM_ACTIONS,
                       "platform-id", platform_id,
                       "item-status", item_status,
                       NULL);
}

void
untrain_item_actions_set_live (UntrainItemActions *self,
                               gboolean            live)
{
  g_return_if_fail (UNTRAIN_IS_ITEM_ACTIONS (self));

  live = !!live;
  if (self->live == live)
    return;

  self->live = live;

  /* Before construction there is nothing to show yet. */
  if (self->item_status != NULL)
    update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

gboolean
untrain_item_actions_get_live (UntrainItemActions *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_ACTIONS (self), FALSE);

  return self->live;
}
