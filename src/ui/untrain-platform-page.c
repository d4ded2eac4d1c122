/* untrain-platform-page.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-platform-page"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-button-line.h"
#include "untrain-item-row.h"
#include "untrain-narrow.h"
#include "untrain-platform-page.h"

/* One platform's page: what applies to the person and why, how far they
 * got, and the checklist.
 */

struct _UntrainPlatformPage
{
  AdwBin               parent_instance;

  UntrainStatusModel  *model;
  UntrainHistory      *history;
  char                *account;

  AdwPreferencesGroup *account_group;
  AdwActionRow        *account_row;
  GtkWidget           *account_buttons;
  GtkWidget           *account_buttons_row;
  GtkWidget           *account_buttons_box;
  GtkButton           *connect_button;
  GtkMenuButton       *connect_menu_button;
  GtkButton           *check_button;
  GtkButton           *sign_out_button;
  GtkLabel            *title_label;
  GtkLabel            *summary_label;
  GtkWidget           *country_button;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  GtkWidget           *all_done_box;
  GtkLabel            *all_done_label;
  AdwPreferencesGroup *checklist_group;

  guint                narrow : 1;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_HISTORY,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainPlatformPage, untrain_platform_page, ADW_TYPE_BIN)

/**
 * untrain_platform_page_dup_summary:
 *
 * Returns: (transfer full): what applies to the person on this platform
 *   and why, in a sentence or two: the reason of the platform's first
 *   thing to do, which the catalog puts first because it matters most
 */
char *
untrain_platform_page_dup_summary (UntrainStatusModel *model)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n_applicable = untrain_status_model_count_applicable (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *reason = untrain_item_status_get_reason (item_status);

      if (!untrain_item_is_actionable (untrain_item_status_get_item (item_status)))
        continue;

      if (untrain_item_status_get_applies (item_status) == UNTRAIN_APPLIES_YES)
        return g_strdup_printf ("%s.", reason);

      if (untrain_item_status_get_applies (item_status) == UNTRAIN_APPLIES_UNKNOWN)
        return g_strdup_printf ("%s.", reason);

      if (n_applicable > 0)
        /* Translators: %s is why, as in “Not applicable: LinkedIn excludes members under 18” */
        return g_strdup_printf (_("%s. Some settings below still apply to you."), reason);

      /* Translators: %s is why, as in “Not applicable in China” */
      return g_strdup_printf (_("%s. Nothing here needs doing."), reason);
    }

  return g_strdup (_("Nothing here needs doing."));
}

/* Calls @set on every item row in @widget, with @value */
static void
set_on_item_rows (GtkWidget *widget,
                  void     (*set) (UntrainItemRow *, gboolean),
                  gboolean   value)
{
  if (UNTRAIN_IS_ITEM_ROW (widget))
    {
      set (UNTRAIN_ITEM_ROW (widget), value);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_on_item_rows (child, set, value);
}

static gboolean
needs_sign_in (UntrainStatusModel *model)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (untrain_item_status_get_status (item_status) == UNTRAIN_STATUS_NEEDS_SIGN_IN)
        return TRUE;
    }

  return FALSE;
}

static void
update_account (UntrainPlatformPage *self)
{
  UntrainPlatform *platform = untrain_status_model_get_platform (self->model);
  const char *name = untrain_platform_get_name (platform);
  gboolean signed_out = self->account != NULL && needs_sign_in (self->model);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->account_group),
                          untrain_platform_get_provider (platform) != NULL);

  /* Translators: “LinkedIn Account” */
  title = g_strdup_printf (_("%s Account"), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_buttons_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  if (self->account == NULL)
    /* Translators: %s is a platform */
    subtitle = g_strdup_printf (_("Connect your account, and Untrain reads these switches on %s and turns them off for you"), name);
  else if (signed_out)
    /* Translators: %s is a platform */
    subtitle = g_strdup_printf (_("Your %s session has ended: sign in again to check your settings"), name);
  else
    /* Translators: “Connected as First Last” */
    subtitle = g_strdup_printf (_("Connected as %s"), self->account);
  adw_action_row_set_subtitle (self->account_row, subtitle);

  gtk_button_set_label (self->connect_button, signed_out ? _("_Sign In Again…") : _("_Connect…"));
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->connect_button)),
                          self->account == NULL || signed_out);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), self->account != NULL && !signed_out);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_out_button), self->account != NULL);

  set_on_item_rows (GTK_WIDGET (self->checklist_group), untrain_item_row_set_live,
                    self->account != NULL && !signed_out);
}

static void
update (UntrainPlatformPage *self)
{
  UntrainPlatform *platform = untrain_status_model_get_platform (self->model);
  guint n_applicable = untrain_status_model_count_applicable (self->model);
  guint n_done = untrain_status_model_count_done (self->model);
  g_autofree char *summary = untrain_platform_page_dup_summary (self->model);
  g_autofree char *progress = NULL;
  g_autofree char *all_done = NULL;

  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (self->country_button, untrain_status_model_needs_country (self->model));

  /* Translators: “2 of 3 done” */
  progress = g_strdup_printf (_("%u of %u done"), n_done, n_applicable);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_applicable > 0 ? (double)n_done / n_applicable : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), n_applicable > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), n_applicable > 0);

  /* Translators: %s is a platform */
  all_done = g_strdup_printf (_("All done for %s. Platforms change their settings, so Untrain will remind you to check again."),
                              untrain_platform_get_name (platform));
  gtk_label_set_label (self->all_done_label, all_done);
  gtk_widget_set_visible (self->all_done_box, n_applicable > 0 && n_done == n_applicable);

  update_account (self);
}

/* Made when it first opens, not with every page */
static void
create_connect_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  UntrainPlatformPage *self = UNTRAIN_PLATFORM_PAGE (user_data);
  const char *platform_id = untrain_platform_get_id (untrain_status_model_get_platform (self->model));
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) paste = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = g_menu_new ();
  paste = g_menu_item_new (_("_Paste Cookies…"), NULL);
  g_menu_item_set_action_and_target (paste, "win.paste-cookies", "s", platform_id);
  g_menu_append_item (menu, paste);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* On a narrow page (untrain-narrow.h) the account's buttons go to a row of
 * their own below it, and the items show their status by the icon alone
 * (which tells it to screen readers too).
 */
static void
set_narrow (UntrainPlatformPage *self,
            gboolean             narrow)
{
  g_autoptr(GtkWidget) buttons = NULL;
  GtkRoot *root;
  GtkWidget *focus;

  if (self->narrow == narrow)
    return;

  self->narrow = narrow;

  /* The buttons move with the keyboard focus, if they have it. */
  buttons = g_object_ref (self->account_buttons);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && !gtk_widget_is_ancestor (focus, buttons))
    focus = NULL;
  if (narrow)
    {
      adw_action_row_remove (self->account_row, buttons);
      gtk_box_append (GTK_BOX (self->account_buttons_box), buttons);
    }
  else
    {
      gtk_box_remove (GTK_BOX (self->account_buttons_box), buttons);
      adw_action_row_add_suffix (self->account_row, buttons);
    }
  gtk_widget_set_visible (self->account_buttons_row, narrow);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);

  set_on_item_rows (GTK_WIDGET (self->checklist_group), untrain_item_row_set_narrow, narrow);
}

static GtkSizeRequestMode
untrain_platform_page_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
untrain_platform_page_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size,
                        minimum, natural, minimum_baseline, natural_baseline);
}

/* Narrow or not is decided here, before the child is laid out, so the
 * frame in which the width crosses the threshold shows the new layout.
 * GTK ignores the resizes that the change queues while the page is being
 * allocated; that does no harm here because all that changes is inside
 * the page's GtkScrolledWindow, which lays its content out afresh below,
 * in the width and height the page gives it. The page's own minimum width
 * follows the other layout until it is next measured; in both layouts it
 * is well under the threshold.
 *
 * The page lays its child out itself: AdwBin leaves that to a layout
 * manager, which would not call this.
 */
static void
untrain_platform_page_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  set_narrow (UNTRAIN_PLATFORM_PAGE (widget), untrain_is_narrow (widget, width));

  if (adw_bin_get_child (ADW_BIN (widget)) != NULL)
    gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);
}

static void
untrain_platform_page_constructed (GObject *object)
{
  UntrainPlatformPage *self = (UntrainPlatformPage *)object;
  UntrainPlatform *platform;
  GVariant *target;
  gboolean expanded = FALSE;
  guint n_items;

  G_OBJECT_CLASS (untrain_platform_page_parent_class)->constructed (object);

  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self->model));

  platform = untrain_status_model_get_platform (self->model);
  gtk_label_set_label (self->title_label, untrain_platform_get_name (platform));
  gtk_widget_set_name (GTK_WIDGET (self), untrain_platform_get_id (platform));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      GtkWidget *row = untrain_item_row_new (untrain_platform_get_id (platform), item_status, self->history);

      /* Open on the first thing to do, so its buttons are in sight. */
      if (!expanded && untrain_item_status_get_status (item_status) == UNTRAIN_STATUS_ACTION_NEEDED)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          expanded = TRUE;
        }

      adw_preferences_group_add (self->checklist_group, row);
    }

  target = g_variant_new_string (untrain_platform_get_id (platform));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->connect_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->check_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->sign_out_button), target);
  gtk_menu_button_set_create_popup_func (self->connect_menu_button, create_connect_menu_cb, self, NULL);

  g_signal_connect_object (self->model, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  /* A session that ended shows on the items first. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      g_signal_connect_object (item_status, "notify::status", G_CALLBACK (update_account), self, G_CONNECT_SWAPPED);
    }

  update (self);
}

static void
untrain_platform_page_dispose (GObject *object)
{
  UntrainPlatformPage *self = (UntrainPlatformPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UNTRAIN_TYPE_PLATFORM_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->history);
  g_clear_pointer (&self->account, g_free);

  G_OBJECT_CLASS (untrain_platform_page_parent_class)->dispose (object);
}

static void
untrain_platform_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UntrainPlatformPage *self = UNTRAIN_PLATFORM_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_platform_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UntrainPlatformPage *self = UNTRAIN_PLATFORM_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      untrain_platform_page_set_account (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_platform_page_class_init (UntrainPlatformPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_platform_page_constructed;
  object_class->dispose = untrain_platform_page_dispose;
  object_class->get_property = untrain_platform_page_get_property;
  object_class->set_property = untrain_platform_page_set_property;

  widget_class->get_request_mode = untrain_platform_page_get_request_mode;
  widget_class->measure = untrain_platform_page_measure;
  widget_class->size_allocate = untrain_platform_page_size_allocate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         UNTRAIN_TYPE_STATUS_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         UNTRAIN_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainPlatformPage:account:
   *
   * Who is connected on the platform, %NULL when nobody is.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNTRAIN_TYPE_BUTTON_LINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-platform-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, account_group);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, account_buttons);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, account_buttons_row);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, account_buttons_box);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, connect_menu_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, country_button);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, all_done_box);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, all_done_label);
  gtk_widget_class_bind_template_child (widget_class, UntrainPlatformPage, checklist_group);
}

static void
untrain_platform_page_init (UntrainPlatformPage *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * untrain_platform_page_new:
 * @history: (nullable): the live reads, for "Off since …"
 */
GtkWidget *
untrain_platform_page_new (UntrainStatusModel *model,
                           UntrainHistory     *history)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (model), NULL);
  g_return_val_if_fail (history == NULL || UNTRAIN_IS_HISTORY (history), NULL);

  return g_object_new (UNTRAIN_TYPE_PLATFORM_PAGE,
                       "model", model,
                       "history", history,
                       NULL);
}

/**
 * untrain_platform_page_set_account:
 * @account: (nullable): who is connected, or %NULL
 */
void
untrain_platform_page_set_account (UntrainPlatformPage *self,
                                   const char          *account)
{
  g_return_if_fail (UNTRAIN_IS_PLATFORM_PAGE (self));

  if (g_strcmp0 (self->account, account) == 0)
    return;

  g_free (self->account);
  self->account = g_strdup (account);

  if (self->model != NULL)
    update_account (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

const char *
untrain_platform_page_get_account (UntrainPlatformPage *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM_PAGE (self), NULL);

  return self->account;
}

UntrainStatusModel *
untrain_platform_page_get_model (UntrainPlatformPage *self)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM_PAGE (self), NULL);

  return self->model;
}
