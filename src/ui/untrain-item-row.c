/* untrain-item-row.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-item-actions.h"
#include "untrain-item-row-private.h"

/* A checklist row: the item's title, its status as an icon and a word, and
 * the evidence behind it ("You confirmed on …", "Checked 5 minutes ago") or
 * why it applies. Expanded, it says what the item is about and offers what
 * to do (UntrainItemActions), made when it first opens: a window of closed
 * rows draws its first frame without them.
 */
struct _UntrainItemRow
{
  AdwExpanderRow     parent_instance;

  char              *platform_id;
  UntrainItemStatus *item_status;
  UntrainHistory    *history;
  gboolean           live;

  GtkImage          *status_icon;
  GtkLabel          *status_label;

  /* Made when first needed */
  GtkSpinner        *checking_spinner;
  GtkWidget         *actions;
};

enum {
  PROP_0,
  PROP_PLATFORM_ID,
  PROP_ITEM_STATUS,
  PROP_HISTORY,
  PROP_LIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainItemRow, untrain_item_row, ADW_TYPE_EXPANDER_ROW)

static char *
format_time_ago (GDateTime *then,
                 GDateTime *now)
{
  GTimeSpan span = g_date_time_difference (now, then);
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;
  gint64 days = span / G_TIME_SPAN_DAY;

  if (minutes < 1)
    return g_strdup (_("Checked just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %d minute ago", "Checked %d minutes ago", minutes), (int)minutes);
  if (days < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %d hour ago", "Checked %d hours ago", hours), (int)hours);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %d day ago", "Checked %d days ago", days), (int)days);
}

static char *
format_day (GDateTime *date_time)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));

  return untrain_format_date (&date);
}

/**
 * untrain_item_row_dup_evidence:
 *
 * @history: (nullable): the live reads, for "Off since …, verified N times"
 *
 * Returns: (transfer full): what a person reads under the item's title:
 *   what went wrong, the evidence for its status, or why it applies
 */
char *
untrain_item_row_dup_evidence (UntrainItemStatus *item_status,
                               UntrainHistory    *history,
                               const char        *platform_id,
                               GDateTime         *now)
{
  UntrainStatus status = untrain_item_status_get_status (item_status);
  UntrainEvidence evidence = untrain_item_status_get_evidence (item_status);
  GDateTime *checked_at = untrain_item_status_get_checked_at (item_status);
  const char *message = untrain_item_status_get_message (item_status);
  const GDate *submitted_on = untrain_item_status_get_submitted_on (item_status);

  if (message != NULL)
    return g_strdup (message);

  if (status == UNTRAIN_STATUS_DONE && g_date_valid (submitted_on))
    {
      const GDate *received_on = untrain_item_status_get_answer_received_on (item_status);
      g_autofree char *sent = untrain_format_date (submitted_on);

      if (g_date_valid (received_on))
        {
          g_autofree char *answered = untrain_format_date (received_on);

          /* Translators: “Sent on 1 December 2026, answered on 20 December 2026” */
          return g_strdup_printf (_("Sent on %s, answered on %s"), sent, answered);
        }
      else
        {
          g_autofree char *due = untrain_format_date (untrain_item_status_get_answer_due (item_status));

          /* Translators: “Sent on 1 December 2026; answer due by 1 January 2027” */
          return g_strdup_printf (_("Sent on %s; answer due by %s"), sent, due);
        }
    }

  if (evidence == UNTRAIN_EVIDENCE_CONFIRMED && checked_at != NULL)
    {
      g_autofree char *day = format_day (checked_at);

      /* Translators: “You confirmed on 29 November 2026” */
      return g_strdup_printf (_("You confirmed on %s"), day);
    }

  if (evidence == UNTRAIN_EVIDENCE_LIVE && checked_at != NULL)
    {
      const char *item_id = untrain_item_get_id (untrain_item_status_get_item (item_status));
      g_autoptr(GDateTime) since = NULL;
      guint n_verified = 0;

      if (status == UNTRAIN_STATUS_DONE && history != NULL &&
          untrain_history_get_off_since (history, platform_id, item_id, &since, &n_verified))
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (since);
          g_autofree char *day = format_day (local);

          /* Translators: “Off since 3 December 2026, verified 4 times” */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Off since %s, verified %u time",
                                               "Off since %s, verified %u times",
                                               n_verified),
                                  day, n_verified);
        }

      return format_time_ago (checked_at, now);
    }

  return g_strdup (untrain_item_status_get_reason (item_status));
}

static const char *
status_css_class (UntrainStatus status)
{
  switch (status)
    {
    case UNTRAIN_STATUS_DONE:
      return "success";
    case UNTRAIN_STATUS_ACTION_NEEDED:
    case UNTRAIN_STATUS_NEEDS_SIGN_IN:
      return "warning";
    case UNTRAIN_STATUS_ERROR:
      return "error";
    case UNTRAIN_STATUS_NOT_APPLICABLE:
    case UNTRAIN_STATUS_UNKNOWN:
    case UNTRAIN_STATUS_CHECKING:
    default:
      return "dim-label";
    }
}

/* The part of the expander row that takes the focus and shows the title,
 * a child of AdwExpanderRow's template; without it, the row itself.
 */
GtkWidget *
_untrain_item_row_get_header_row (UntrainItemRow *self)
{
  GObject *header_row = gtk_widget_get_template_child (GTK_WIDGET (self), ADW_TYPE_EXPANDER_ROW, "action_row");

  if (ADW_IS_ACTION_ROW (header_row))
    return GTK_WIDGET (header_row);

  return GTK_WIDGET (self);
}

/* A spinner while the item is being checked, made at the first check:
 * most starts have none.
 */
static void
show_checking (UntrainItemRow *self,
               gboolean        checking)
{
  if (checking && self->checking_spinner == NULL)
    {
      self->checking_spinner = GTK_SPINNER (gtk_spinner_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->checking_spinner), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->checking_spinner), _("Checking…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->checking_spinner),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checking…"),
                                      -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->checking_spinner));
    }

  if (self->checking_spinner != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->checking_spinner), checking);
      gtk_spinner_set_spinning (self->checking_spinner, checking);
    }
}

/* Where the status word is left out (see untrain_item_row_set_narrow()),
 * the icon tells it on hover.
 */
static void
update_status_tooltip (UntrainItemRow *self)
{
  GtkWidget *icon = GTK_WIDGET (self->status_icon);
  const char *tooltip = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    tooltip = gtk_label_get_label (self->status_label);

  /* Setting a tooltip, even the one it has, makes GTK 4.8 ask where the
   * pointer is: on X11 a round trip, with the server grabbed. Most updates
   * of a row change nothing here.
   */
  if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (icon)) == 0)
    return;

  gtk_widget_set_tooltip_text (icon, tooltip);
  /* The tooltip is also the description: the name says it already. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update (UntrainItemRow *self)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };
  UntrainItem *item = untrain_item_status_get_item (self->item_status);
  UntrainItemKind kind = untrain_item_get_kind (item);
  UntrainStatus status = untrain_item_status_get_status (self->item_status);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *subtitle = untrain_item_row_dup_evidence (self->item_status, self->history,
                                                             self->platform_id, now);
  const char *icon_name = untrain_status_get_icon_name (status);
  const char *label = untrain_status_get_label (status);
  const char *css_class = status_css_class (status);

  /* Something to know is not a task the person did. */
  if (kind == UNTRAIN_ITEM_KIND_INFO && status == UNTRAIN_STATUS_DONE)
    {
      icon_name = "dialog-information-symbolic";
      label = _("Good to know");
      css_class = "dim-label";
    }

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), status != UNTRAIN_STATUS_CHECKING);
  show_checking (self, status == UNTRAIN_STATUS_CHECKING);
  gtk_label_set_label (self->status_label, label);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css_class);

  update_status_tooltip (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  /* The row with the keyboard focus tells the status, which the icon and
   * the word beside the title only show.
   */
  gtk_accessible_update_property (GTK_ACCESSIBLE (_untrain_item_row_get_header_row (self)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

/* What the row offers when open is made the first time it opens. A row
 * opened as it is made hears of it once it is constructed: GObject holds
 * notifications back until then.
 */
static void
on_expanded_cb (UntrainItemRow *self)
{
  if (self->actions != NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  self->actions = untrain_item_actions_new (self->platform_id, self->item_status);
  g_object_bind_property (self, "live", self->actions, "live", G_BINDING_SYNC_CREATE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->actions);
}

static void
untrain_item_row_constructed (GObject *object)
{
  UntrainItemRow *self = (UntrainItemRow *)object;
  UntrainItem *item;

  G_OBJECT_CLASS (untrain_item_row_parent_class)->constructed (object);

  g_return_if_fail (self->platform_id != NULL);
  g_return_if_fail (UNTRAIN_IS_ITEM_STATUS (self->item_status));

  item = untrain_item_status_get_item (self->item_status);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), untrain_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, untrain_item_get_title (item),
                                  -1);
  gtk_widget_set_name (GTK_WIDGET (self), untrain_item_get_id (item));

  g_signal_connect_object (self->item_status, "notify",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
untrain_item_row_dispose (GObject *object)
{
  UntrainItemRow *self = (UntrainItemRow *)object;

  g_clear_object (&self->item_status);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (untrain_item_row_parent_class)->dispose (object);
}

static void
untrain_item_row_finalize (GObject *object)
{
  UntrainItemRow *self = (UntrainItemRow *)object;

  g_clear_pointer (&self->platform_id, g_free);

  G_OBJECT_CLASS (untrain_item_row_parent_class)->finalize (object);
}

static void
untrain_item_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UntrainItemRow *self = UNTRAIN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_PLATFORM_ID:
      g_value_set_string (value, self->platform_id);
      break;

    case PROP_ITEM_STATUS:
      g_value_set_object (value, self->item_status);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_item_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UntrainItemRow *self = UNTRAIN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_PLATFORM_ID:
      self->platform_id = g_value_dup_string (value);
      break;

    case PROP_ITEM_STATUS:
      self->item_status = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    case PROP_LIVE:
      untrain_item_row_set_live (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_item_row_class_init (UntrainItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = untrain_item_row_constructed;
  object_class->dispose = untrain_item_row_dispose;
  object_class->finalize = untrain_item_row_finalize;
  object_class->get_property = untrain_item_row_get_property;
  object_class->set_property = untrain_item_row_set_property;

  properties[PROP_PLATFORM_ID] =
    g_param_spec_string ("platform-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM_STATUS] =
    g_param_spec_object ("item-status", NULL, NULL,
                         UNTRAIN_TYPE_ITEM_STATUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         UNTRAIN_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * UntrainItemRow:live:
   *
   * Whether the person's account is connected, so that Untrain can turn
   * the switch off itself.
   */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/untrain-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UntrainItemRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, UntrainItemRow, status_label);
}

static void
untrain_item_row_init (UntrainItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_cb), NULL);
}

/**
 * untrain_item_row_new:
 * @history: (nullable): the live reads, for "Off since …"
 */
GtkWidget *
untrain_item_row_new (const char        *platform_id,
                      UntrainItemStatus *item_status,
                      UntrainHistory    *history)
{
  g_return_val_if_fail (platform_id != NULL, NULL);
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (item_status), NULL);
  g_return_val_if_fail (history == NULL || UNTRAIN_IS_HISTORY (history), NULL);

  return g_object_new (UNTRAIN_TYPE_ITEM_ROW,
                       "platform-id", platform_id,
                       "item-status", item_status,
                       "history", history,
                       NULL);
}

void
untrain_item_row_set_live (UntrainItemRow *self,
                           gboolean        live)
{
  g_return_if_fail (UNTRAIN_IS_ITEM_ROW (self));

  live = !!live;
  if (self->live == live)
    return;

  self->live = live;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVE]);
}

/**
 * untrain_item_row_set_narrow:
 * @self: a row
 * @narrow: whether the row leaves out the status word beside its title,
 *   which then has the width to wrap between words. The status icon,
 *   whose accessible name is the same word, stays, and tells it on hover.
 */
void
untrain_item_row_set_narrow (UntrainItemRow *self,
                             gboolean        narrow)
{
  g_return_if_fail (UNTRAIN_IS_ITEM_ROW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->status_label)) == !narrow)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !narrow);
  update_status_tooltip (self);
}

UntrainItemStatus *
untrain_item_row_get_item_status (UntrainItemRow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_ROW (self), NULL);

  return self->item_status;
}

/**
 * untrain_item_row_get_status_label:
 *
 * Returns: the status word the row shows, such as “Done”
 */
const char *
untrain_item_row_get_status_label (UntrainItemRow *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_ROW (self), NULL);

  return gtk_label_get_label (self->status_label);
}
