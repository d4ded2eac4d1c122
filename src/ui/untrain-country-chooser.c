/* untrain-country-chooser.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-country-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-country-chooser.h"
#include "untrain-region.h"

/* Every country of ISO 3166-1 by its name in the person's language, in
 * their alphabetical order, in a drop-down that can be searched by typing
 * the start of the name. The choice is the "country" property, an ISO code,
 * or "" while none is chosen.
 */
struct _UntrainCountryChooser
{
  GtkWidget      parent_instance;

  GtkDropDown   *drop_down;
  GtkWidget     *popover;   /* the drop-down's list */
  GtkStringList *names;
  GPtrArray     *codes;     /* (element-type utf8): parallel to names */

  char          *country;
};

enum {
  PROP_0,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainCountryChooser, untrain_country_chooser, GTK_TYPE_WIDGET)

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  const UntrainCountry *country_a = *(const UntrainCountry **)a;
  const UntrainCountry *country_b = *(const UntrainCountry **)b;

  return g_utf8_collate (untrain_region_get_country_name (country_a->code),
                         untrain_region_get_country_name (country_b->code));
}

static void
on_selected_cb (UntrainCountryChooser *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);
  const char *country = "";

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->codes->len)
    country = g_ptr_array_index (self->codes, selected);

  if (g_strcmp0 (self->country, country) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

/* The button shows the chosen name on one line, shortened when the window
 * is narrow; the list shows whole names, and a check mark on the chosen one.
 */
static void
setup_button_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_button_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  GtkStringObject *name = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (name));
}

static void
setup_list_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
update_check_cb (GtkListItem *list_item,
                 GParamSpec  *pspec,
                 GtkDropDown *drop_down)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_last_child (box);
  gboolean chosen;

  chosen = gtk_list_item_get_item (list_item) != NULL &&
           gtk_list_item_get_item (list_item) == gtk_drop_down_get_selected_item (drop_down);
  gtk_widget_set_opacity (check, chosen ? 1.0 : 0.0);
}

static void
bind_list_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   UntrainCountryChooser    *self)
{
  GtkStringObject *name = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       gtk_string_object_get_string (name));

  g_signal_connect_object (self->drop_down, "notify::selected-item",
                           G_CALLBACK (update_check_cb), list_item, G_CONNECT_SWAPPED);
  update_check_cb (list_item, NULL, self->drop_down);
}

static void
unbind_list_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     UntrainCountryChooser    *self)
{
  g_signal_handlers_disconnect_by_func (self->drop_down, update_check_cb, list_item);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* Escape closes the list. GTK 4.8's search entry takes the key for
 * itself and does nothing with it: the list stayed open.
 */
static void
on_stop_search_cb (GtkPopover *popover)
{
  gtk_popover_popdown (popover);
}

/* Show the country chosen, not the top of the list, once the list has
 * its size: as the popover maps it has none yet, and GTK 4.8 can't find
 * where a row is.
 */
static gboolean
scroll_to_selected_cb (gpointer user_data)
{
  GtkWidget *list_view = user_data;
  GtkWidget *drop_down = gtk_widget_get_ancestor (list_view, GTK_TYPE_DROP_DOWN);
  guint selected;

  if (drop_down == NULL || !gtk_widget_get_mapped (list_view))
    return G_SOURCE_REMOVE;

  /* Nothing is searched for as the list opens: it holds every name. */
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", selected);

  return G_SOURCE_REMOVE;
}

/* GTK 4.8 opens the list with the focus on it, where typing does nothing:
 * put the focus in the search entry, so that typing a name searches. And
 * it opens the list at its top.
 */
static void
on_popup_mapped_cb (GtkWidget *popover)
{
  GtkWidget *search_entry = find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list_view = find_descendant (popover, GTK_TYPE_LIST_VIEW);

  if (search_entry != NULL)
    gtk_widget_grab_focus (search_entry);

  if (list_view != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_selected_cb,
                     g_object_ref (list_view), g_object_unref);
}

/* Tab and Shift+Tab stop once, on the drop-down's button, and then leave:
 * with GTK 4.8's own focus handling Shift+Tab from the button came back
 * to it, so that a keyboard user could not go back past it.
 */
static gboolean
untrain_country_chooser_focus (GtkWidget        *widget,
                               GtkDirectionType  direction)
{
  UntrainCountryChooser *self = UNTRAIN_COUNTRY_CHOOSER (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  /* In the open list, the drop-down moves the focus. */
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    return gtk_widget_child_focus (GTK_WIDGET (self->drop_down), direction);

  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->drop_down));
}

static gboolean
untrain_country_chooser_grab_focus (GtkWidget *widget)
{
  UntrainCountryChooser *self = UNTRAIN_COUNTRY_CHOOSER (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->drop_down));
}

/* A row that holds the chooser, or a label naming it, opens the list. */
static gboolean
untrain_country_chooser_mnemonic_activate (GtkWidget *widget,
                                           gboolean   group_cycling)
{
  UntrainCountryChooser *self = UNTRAIN_COUNTRY_CHOOSER (widget);

  if (group_cycling)
    return gtk_widget_grab_focus (GTK_WIDGET (self->drop_down));

  return gtk_widget_activate (GTK_WIDGET (self->drop_down));
}

static void
untrain_country_chooser_dispose (GObject *object)
{
  UntrainCountryChooser *self = (UntrainCountryChooser *)object;

  self->popover = NULL;
  g_clear_pointer ((GtkWidget **)&self->drop_down, gtk_widget_unparent);
  g_clear_object (&self->names);

  G_OBJECT_CLASS (untrain_country_chooser_parent_class)->dispose (object);
}

static void
untrain_country_chooser_finalize (GObject *object)
{
  UntrainCountryChooser *self = (UntrainCountryChooser *)object;

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (untrain_country_chooser_parent_class)->finalize (object);
}

static void
untrain_country_chooser_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UntrainCountryChooser *self = UNTRAIN_COUNTRY_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_string (value, untrain_country_chooser_get_country (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_country_chooser_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UntrainCountryChooser *self = UNTRAIN_COUNTRY_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      untrain_country_chooser_set_country (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_country_chooser_class_init (UntrainCountryChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = untrain_country_chooser_dispose;
  object_class->finalize = untrain_country_chooser_finalize;
  object_class->get_property = untrain_country_chooser_get_property;
  object_class->set_property = untrain_country_chooser_set_property;

  widget_class->focus = untrain_country_chooser_focus;
  widget_class->grab_focus = untrain_country_chooser_grab_focus;
  widget_class->mnemonic_activate = untrain_country_chooser_mnemonic_activate;

  /**
   * UntrainCountryChooser:country:
   *
   * The chosen country's ISO 3166-1 alpha-2 code, or "" while none is
   * chosen. Setting a code that names no country clears the choice.
   */
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "countrychooser");
}

static void
untrain_country_chooser_init (UntrainCountryChooser *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression = NULL;
  const UntrainCountry *countries;
  GtkWidget *popover;
  GObject *button;
  GObject *button_stack;
  gsize n_countries;

  self->country = g_strdup ("");
  self->names = gtk_string_list_new (NULL);
  self->codes = g_ptr_array_new ();

  countries = untrain_region_get_countries (&n_countries);
  for (gsize i = 0; i < n_countries; i++)
    g_ptr_array_add (sorted, (gpointer)&countries[i]);
  g_ptr_array_sort (sorted, compare_countries);

  for (guint i = 0; i < sorted->len; i++)
    {
      const UntrainCountry *country = g_ptr_array_index (sorted, i);

      gtk_string_list_append (self->names, untrain_region_get_country_name (country->code));
      g_ptr_array_add (self->codes, (gpointer)country->code);
    }

  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_button_item_cb), NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_button_item_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_list_item_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_list_item_cb), self);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_list_item_cb), self);

  /* Typing searches the names from their start, as people look them up. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_factory (self->drop_down, button_factory);
  gtk_drop_down_set_list_factory (self->drop_down, list_factory);
  gtk_drop_down_set_expression (self->drop_down, expression);
  gtk_drop_down_set_enable_search (self->drop_down, TRUE);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (self->names));
  gtk_drop_down_set_selected (self->drop_down, GTK_INVALID_LIST_POSITION);
  gtk_widget_set_valign (GTK_WIDGET (self->drop_down), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Country"),
                                  -1);

  /* The keyboard focus goes to the drop-down's button, which GTK 4.8
   * leaves without a name.
   */
  button = gtk_widget_get_template_child (GTK_WIDGET (self->drop_down), GTK_TYPE_DROP_DOWN, "button");
  if (GTK_IS_ACCESSIBLE (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Country"),
                                    -1);
  /* With no country yet, GTK 4.8 shows "(None)" on the button: say what
   * to do instead.
   */
  button_stack = gtk_widget_get_template_child (GTK_WIDGET (self->drop_down), GTK_TYPE_DROP_DOWN, "button_stack");
  if (GTK_IS_STACK (button_stack))
    {
      GtkWidget *empty = gtk_stack_get_child_by_name (GTK_STACK (button_stack), "empty");

      if (GTK_IS_LABEL (empty))
        /* Translators: on the country button, while no country is chosen */
        gtk_label_set_label (GTK_LABEL (empty), _("Choose…"));
    }
  gtk_widget_set_parent (GTK_WIDGET (self->drop_down), GTK_WIDGET (self));

  if ((popover = find_descendant (GTK_WIDGET (self->drop_down), GTK_TYPE_POPOVER)) != NULL)
    {
      GtkWidget *search_entry = find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);

      self->popover = popover;
      g_signal_connect_after (popover, "map", G_CALLBACK (on_popup_mapped_cb), NULL);
      if (search_entry != NULL)
        {
          /* The list follows each key at once. With GtkSearchEntry's
           * pause of 150 ms, Down pressed right after a name went to the
           * names of before; when the search replaced them a moment later,
           * GTK 4.8 put the focus back on the drop-down's button.
           */
          gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (search_entry), 0);
          g_signal_connect_object (search_entry, "stop-search",
                                   G_CALLBACK (on_stop_search_cb), popover, G_CONNECT_SWAPPED);
        }
    }

  g_signal_connect_object (self->drop_down, "notify::selected",
                           G_CALLBACK (on_selected_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
untrain_country_chooser_new (void)
{
  return g_object_new (UNTRAIN_TYPE_COUNTRY_CHOOSER, NULL);
}

/**
 * untrain_country_chooser_get_country:
 *
 * Returns: the chosen country's ISO 3166-1 alpha-2 code, or "" if none
 */
const char *
untrain_country_chooser_get_country (UntrainCountryChooser *self)
{
  g_return_val_if_fail (UNTRAIN_IS_COUNTRY_CHOOSER (self), NULL);

  return self->country;
}

/**
 * untrain_country_chooser_set_country:
 * @country: (nullable): an ISO 3166-1 alpha-2 code such as "DE", or %NULL
 *   or "" to clear the choice
 */
void
untrain_country_chooser_set_country (UntrainCountryChooser *self,
                                     const char            *country)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (UNTRAIN_IS_COUNTRY_CHOOSER (self));

  if (country != NULL && untrain_region_is_country (country))
    {
      for (guint i = 0; i < self->codes->len; i++)
        {
          if (g_str_equal (g_ptr_array_index (self->codes, i), country))
            {
              position = i;
              break;
            }
        }
    }

  /* The drop-down tells on_selected_cb(), which notifies. */
  gtk_drop_down_set_selected (self->drop_down, position);
}
