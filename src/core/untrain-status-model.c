/* untrain-status-model.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-status-model"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-error.h"
#include "untrain-item-status-private.h"
#include "untrain-region.h"
#include "untrain-status-model.h"

/* A platform's checklist as a GListModel of UntrainItemStatus, one per
 * catalog item in catalog order, with totals. The status of each item is
 * derived from the rules (does it apply to this person?), then from the
 * state store: the newer of the last live read and the person's own
 * confirmation wins. Nothing is ever "done" without such evidence.
 */
struct _UntrainStatusModel
{
  GObject            parent_instance;

  UntrainPlatform   *platform;
  UntrainStateStore *store;
  char              *country;
  int                age;
  GDateTime         *now;
  GPtrArray         *items;

  guint              n_applicable;
  guint              n_done;
  guint              n_pending;
};

enum {
  PROP_0,
  PROP_PLATFORM,
  PROP_STORE,
  PROP_COUNTRY,
  PROP_AGE,
  PROP_N_APPLICABLE,
  PROP_N_DONE,
  PROP_N_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
untrain_status_model_get_item_type (GListModel *model)
{
  return UNTRAIN_TYPE_ITEM_STATUS;
}

static guint
untrain_status_model_get_n_items (GListModel *model)
{
  return UNTRAIN_STATUS_MODEL (model)->items->len;
}

static gpointer
untrain_status_model_get_item (GListModel *model,
                               guint       position)
{
  UntrainStatusModel *self = UNTRAIN_STATUS_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = untrain_status_model_get_item_type;
  iface->get_n_items = untrain_status_model_get_n_items;
  iface->get_item = untrain_status_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (UntrainStatusModel, untrain_status_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GDateTime *
get_now (UntrainStatusModel *self)
{
  if (self->now != NULL)
    return g_date_time_ref (self->now);

  return g_date_time_new_now_local ();
}

static void
update_totals (UntrainStatusModel *self)
{
  guint n_applicable = 0;
  guint n_done = 0;
  guint n_pending = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      UntrainItemStatus *item_status = g_ptr_array_index (self->items, i);
      UntrainItem *item = untrain_item_status_get_item (item_status);
      UntrainStatus status = untrain_item_status_get_status (item_status);

      /* Only what surely applies counts: with no country, nothing does. */
      if (!untrain_item_is_actionable (item) ||
          untrain_item_status_get_applies (item_status) != UNTRAIN_APPLIES_YES)
        continue;

      n_applicable++;
      if (status == UNTRAIN_STATUS_DONE)
        n_done++;
      else
        n_pending++;
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (self->n_applicable != n_applicable)
    {
      self->n_applicable = n_applicable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_APPLICABLE]);
    }

  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }

  if (self->n_pending != n_pending)
    {
      self->n_pending = n_pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* A form the person sent is done, until its answer is overdue: then it
 * asks for a follow-up. Returns %FALSE when the form was not sent.
 */
static gboolean
derive_form_status (UntrainStatusModel *self,
                    UntrainItemStatus  *item_status,
                    GDateTime          *confirmed_at,
                    const GDate        *today)
{
  const char *platform_id = untrain_platform_get_id (self->platform);
  const char *item_id = untrain_item_get_id (untrain_item_status_get_item (item_status));
  GDate submitted_on, answer_due, answer_received_on;
  gboolean overdue;

  untrain_state_store_get_date (self->store, platform_id, item_id, "submitted-on", &submitted_on);
  untrain_state_store_get_date (self->store, platform_id, item_id, "answer-due", &answer_due);
  untrain_state_store_get_date (self->store, platform_id, item_id, "answer-received-on", &answer_received_on);

  overdue = g_date_valid (&submitted_on) &&
            g_date_valid (&answer_due) &&
            !g_date_valid (&answer_received_on) &&
            g_date_compare (today, &answer_due) > 0;

  _untrain_item_status_set_form_dates (item_status, &submitted_on, &answer_due,
                                       &answer_received_on, overdue);

  if (!g_date_valid (&submitted_on))
    return FALSE;

  if (overdue)
    {
      g_autofree char *due = untrain_format_date (&answer_due);
      g_autofree char *message = NULL;

      /* Translators: “LinkedIn’s answer was due on 3 January 2027: send a follow-up” */
      message = g_strdup_printf (_("%s’s answer was due on %s: send a follow-up"),
                                 untrain_platform_get_name (self->platform), due);
      _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_ACTION_NEEDED,
                                       UNTRAIN_EVIDENCE_DERIVED, confirmed_at, message);
      return TRUE;
    }

  _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_DONE,
                                   UNTRAIN_EVIDENCE_CONFIRMED, confirmed_at, NULL);
  return TRUE;
}

static void
derive_status (UntrainStatusModel *self,
               UntrainItemStatus  *item_status,
               GDateTime          *now)
{
  const char *platform_id = untrain_platform_get_id (self->platform);
  UntrainItem *item = untrain_item_status_get_item (item_status);
  const char *item_id = untrain_item_get_id (item);
  g_autoptr(UntrainApplicability) applicability = NULL;
  g_autoptr(GDateTime) live_at = NULL;
  g_autoptr(GDateTime) confirmed_at = NULL;
  g_autofree char *message = NULL;
  UntrainStatus live_status = UNTRAIN_STATUS_UNKNOWN;
  gboolean has_live;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  applicability = untrain_applicability_evaluate (item,
                                                  untrain_platform_get_name (self->platform),
                                                  self->country,
                                                  self->age,
                                                  &today);
  _untrain_item_status_set_applicability (item_status, applicability);

  switch (applicability->applies)
    {
    case UNTRAIN_APPLIES_NO:
    case UNTRAIN_APPLIES_NOT_YET:
      _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_NOT_APPLICABLE,
                                       UNTRAIN_EVIDENCE_DERIVED, NULL, NULL);
      return;

    case UNTRAIN_APPLIES_UNKNOWN:
      _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_UNKNOWN,
                                       UNTRAIN_EVIDENCE_NONE, NULL, NULL);
      return;

    case UNTRAIN_APPLIES_YES:
    default:
      break;
    }

  /* Something to know: nothing to do, which the rules alone tell. */
  if (!untrain_item_is_actionable (item))
    {
      _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_DONE,
                                       UNTRAIN_EVIDENCE_DERIVED, NULL, NULL);
      return;
    }

  has_live = untrain_state_store_get_live (self->store, platform_id, item_id,
                                           &live_status, &live_at, &message);
  confirmed_at = untrain_state_store_get_confirmed (self->store, platform_id, item_id);

  if (untrain_item_get_kind (item) == UNTRAIN_ITEM_KIND_FORM &&
      derive_form_status (self, item_status, confirmed_at, &today))
    return;

  if (confirmed_at != NULL &&
      (!has_live || g_date_time_compare (confirmed_at, live_at) >= 0))
    {
      _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_DONE,
                                       UNTRAIN_EVIDENCE_CONFIRMED, confirmed_at, NULL);
      return;
    }

  if (has_live)
    {
      _untrain_item_status_set_status (item_status, live_status,
                                       UNTRAIN_EVIDENCE_LIVE, live_at, message);
      return;
    }

  /* Applies and nobody has looked: the platforms' defaults are "on". */
  _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_ACTION_NEEDED,
                                   UNTRAIN_EVIDENCE_DERIVED, NULL, NULL);
}

static void
derive_all (UntrainStatusModel *self)
{
  g_autoptr(GDateTime) now = get_now (self);

  for (guint i = 0; i < self->items->len; i++)
    derive_status (self, g_ptr_array_index (self->items, i), now);

  update_totals (self);
}

static void
untrain_status_model_constructed (GObject *object)
{
  UntrainStatusModel *self = (UntrainStatusModel *)object;

  G_OBJECT_CLASS (untrain_status_model_parent_class)->constructed (object);

  g_return_if_fail (UNTRAIN_IS_PLATFORM (self->platform));
  g_return_if_fail (UNTRAIN_IS_STATE_STORE (self->store));

  for (guint i = 0; i < untrain_platform_get_n_items (self->platform); i++)
    {
      UntrainItem *item = untrain_platform_get_item (self->platform, i);

      g_ptr_array_add (self->items, _untrain_item_status_new (item));
    }

  derive_all (self);
}

static void
untrain_status_model_dispose (GObject *object)
{
  UntrainStatusModel *self = (UntrainStatusModel *)object;

  g_clear_object (&self->platform);
  g_clear_object (&self->store);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (untrain_status_model_parent_class)->dispose (object);
}

static void
untrain_status_model_finalize (GObject *object)
{
  UntrainStatusModel *self = (UntrainStatusModel *)object;

  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (untrain_status_model_parent_class)->finalize (object);
}

static void
untrain_status_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UntrainStatusModel *self = UNTRAIN_STATUS_MODEL (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      g_value_set_object (value, self->platform);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_AGE:
      g_value_set_int (value, self->age);
      break;

    case PROP_N_APPLICABLE:
      g_value_set_uint (value, self->n_applicable);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_status_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UntrainStatusModel *self = UNTRAIN_STATUS_MODEL (object);

  switch (prop_id)
    {
    case PROP_PLATFORM:
      self->platform = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_COUNTRY:
      self->country = g_value_dup_string (value);
      break;

    case PROP_AGE:
      self->age = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_status_model_class_init (UntrainStatusModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = untrain_status_model_constructed;
  object_class->dispose = untrain_status_model_dispose;
  object_class->finalize = untrain_status_model_finalize;
  object_class->get_property = untrain_status_model_get_property;
  object_class->set_property = untrain_status_model_set_property;

  properties[PROP_PLATFORM] =
    g_param_spec_object ("platform", NULL, NULL,
                         UNTRAIN_TYPE_PLATFORM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         UNTRAIN_TYPE_STATE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AGE] =
    g_param_spec_int ("age", NULL, NULL,
                      UNTRAIN_AGE_UNKNOWN, G_MAXINT, UNTRAIN_AGE_UNKNOWN,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_APPLICABLE] =
    g_param_spec_uint ("n-applicable", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
untrain_status_model_init (UntrainStatusModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->age = UNTRAIN_AGE_UNKNOWN;
}

/**
 * untrain_status_model_new:
 * @platform: the platform whose checklist this is
 * @store: where statuses are kept
 * @country: (nullable): the person's country (ISO 3166-1 alpha-2)
 * @age: the person's age, or %UNTRAIN_AGE_UNKNOWN
 *
 * Returns: (transfer full): a model of @platform's items for that person
 */
UntrainStatusModel *
untrain_status_model_new (UntrainPlatform   *platform,
                          UntrainStateStore *store,
                          const char        *country,
                          int                age)
{
  g_return_val_if_fail (UNTRAIN_IS_PLATFORM (platform), NULL);
  g_return_val_if_fail (UNTRAIN_IS_STATE_STORE (store), NULL);

  return g_object_new (UNTRAIN_TYPE_STATUS_MODEL,
                       "platform", platform,
                       "store", store,
                       "country", country,
                       "age", age,
                       NULL);
}

UntrainPlatform *
untrain_status_model_get_platform (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), NULL);

  return self->platform;
}

UntrainStateStore *
untrain_status_model_get_store (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), NULL);

  return self->store;
}

const char *
untrain_status_model_get_country (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), NULL);

  return self->country;
}

int
untrain_status_model_get_age (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), UNTRAIN_AGE_UNKNOWN);

  return self->age;
}

/**
 * untrain_status_model_set_person:
 *
 * Re-evaluates every item for a person of @country and @age.
 */
void
untrain_status_model_set_person (UntrainStatusModel *self,
                                 const char         *country,
                                 int                 age)
{
  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->country, country) != 0)
    {
      g_free (self->country);
      self->country = g_strdup (country);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
    }

  if (self->age != age)
    {
      self->age = age;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGE]);
    }

  derive_all (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * untrain_status_model_set_now:
 * @now: (nullable): the time to evaluate at, or %NULL for the clock's
 *
 * For tests and for showing how things stand on another day.
 */
void
untrain_status_model_set_now (UntrainStatusModel *self,
                              GDateTime          *now)
{
  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  derive_all (self);
}

/**
 * untrain_status_model_reload:
 *
 * Derives every status again from the store, after it was loaded or
 * changed by someone else.
 */
void
untrain_status_model_reload (UntrainStatusModel *self)
{
  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self));

  derive_all (self);
}

/**
 * untrain_status_model_lookup:
 *
 * Returns: (transfer none) (nullable): the status of @item_id
 */
UntrainItemStatus *
untrain_status_model_lookup (UntrainStatusModel *self,
                             const char         *item_id)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      UntrainItemStatus *item_status = g_ptr_array_index (self->items, i);

      if (g_str_equal (untrain_item_get_id (untrain_item_status_get_item (item_status)), item_id))
        return item_status;
    }

  return NULL;
}

static UntrainItemStatus *
lookup_or_error (UntrainStatusModel  *self,
                 const char          *item_id,
                 GError             **error)
{
  UntrainItemStatus *item_status = untrain_status_model_lookup (self, item_id);

  if (item_status == NULL)
    g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND,
                 _("%s has no checklist item “%s”"),
                 untrain_platform_get_name (self->platform), item_id);

  return item_status;
}

static void
forget_submission (UntrainStatusModel *self,
                   const char         *item_id)
{
  static const char * const keys[] = { "submitted-on", "answer-due", "answer-received-on" };
  const char *platform_id = untrain_platform_get_id (self->platform);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    untrain_state_store_set_date (self->store, platform_id, item_id, keys[i], NULL);
}

static gboolean
confirm (UntrainStatusModel  *self,
         const char          *item_id,
         gboolean             done,
         GError             **error)
{
  g_autoptr(GDateTime) now = NULL;
  UntrainItemStatus *item_status;

  if (!(item_status = lookup_or_error (self, item_id, error)))
    return FALSE;

  now = get_now (self);
  untrain_state_store_set_confirmed (self->store,
                                     untrain_platform_get_id (self->platform),
                                     item_id,
                                     done ? now : NULL);

  /* Undo takes back a form's submission too. */
  if (!done)
    forget_submission (self, item_id);

  derive_status (self, item_status, now);
  update_totals (self);

  return untrain_state_store_save (self->store, error);
}

/**
 * untrain_status_model_mark_done:
 *
 * Records that the person says @item_id is done, now, and saves it.
 *
 * Returns: %FALSE if the item is unknown or the state could not be saved
 */
gboolean
untrain_status_model_mark_done (UntrainStatusModel  *self,
                                const char          *item_id,
                                GError             **error)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  return confirm (self, item_id, TRUE, error);
}

/**
 * untrain_status_model_unmark_done:
 *
 * Takes back the person's confirmation of @item_id and saves it.
 */
gboolean
untrain_status_model_unmark_done (UntrainStatusModel  *self,
                                  const char          *item_id,
                                  GError             **error)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  return confirm (self, item_id, FALSE, error);
}

static UntrainItemStatus *
lookup_form_or_error (UntrainStatusModel  *self,
                      const char          *item_id,
                      GError             **error)
{
  UntrainItemStatus *item_status = lookup_or_error (self, item_id, error);

  if (item_status != NULL &&
      untrain_item_get_kind (untrain_item_status_get_item (item_status)) != UNTRAIN_ITEM_KIND_FORM)
    {
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                   _("“%s” is not a form to send"),
                   untrain_item_get_title (untrain_item_status_get_item (item_status)));
      return NULL;
    }

  return item_status;
}

/**
 * untrain_status_model_record_submission:
 * @submitted_on: the day the person sent the form
 *
 * Records that the person sent the form @item_id: the item is done, and
 * the answer is due one month later, the time GDPR Art. 12(3) gives.
 * Saves the state.
 */
gboolean
untrain_status_model_record_submission (UntrainStatusModel  *self,
                                        const char          *item_id,
                                        const GDate         *submitted_on,
                                        GError             **error)
{
  const char *platform_id;
  GDate answer_due;

  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (submitted_on != NULL && g_date_valid (submitted_on), FALSE);

  if (lookup_form_or_error (self, item_id, error) == NULL)
    return FALSE;

  platform_id = untrain_platform_get_id (self->platform);
  answer_due = *submitted_on;
  g_date_add_months (&answer_due, 1);

  untrain_state_store_set_date (self->store, platform_id, item_id, "submitted-on", submitted_on);
  untrain_state_store_set_date (self->store, platform_id, item_id, "answer-due", &answer_due);
  untrain_state_store_set_date (self->store, platform_id, item_id, "answer-received-on", NULL);

  return confirm (self, item_id, TRUE, error);
}

/**
 * untrain_status_model_record_answer:
 * @received_on: the day the answer came
 *
 * Records that the platform answered the form @item_id, which ends the
 * wait for it. Saves the state.
 */
gboolean
untrain_status_model_record_answer (UntrainStatusModel  *self,
                                    const char          *item_id,
                                    const GDate         *received_on,
                                    GError             **error)
{
  UntrainItemStatus *item_status;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (received_on != NULL && g_date_valid (received_on), FALSE);

  if (!(item_status = lookup_form_or_error (self, item_id, error)))
    return FALSE;

  untrain_state_store_set_date (self->store, untrain_platform_get_id (self->platform),
                                item_id, "answer-received-on", received_on);

  now = get_now (self);
  derive_status (self, item_status, now);
  update_totals (self);

  return untrain_state_store_save (self->store, error);
}

/**
 * untrain_status_model_set_checking:
 *
 * Shows that a live check of @item_id is under way. Not stored.
 */
void
untrain_status_model_set_checking (UntrainStatusModel *self,
                                   const char         *item_id)
{
  UntrainItemStatus *item_status;

  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self));

  if (!(item_status = untrain_status_model_lookup (self, item_id)))
    return;

  if (untrain_item_status_get_status (item_status) == UNTRAIN_STATUS_NOT_APPLICABLE)
    return;

  _untrain_item_status_set_status (item_status, UNTRAIN_STATUS_CHECKING,
                                   untrain_item_status_get_evidence (item_status),
                                   untrain_item_status_get_checked_at (item_status),
                                   NULL);
  update_totals (self);
}

/**
 * untrain_status_model_set_live_result:
 * @status: what the account's setting showed
 * @message: (nullable): for %UNTRAIN_STATUS_ERROR, what went wrong
 *
 * Records a live read, now, in the store (the caller saves it) and
 * updates the item.
 */
void
untrain_status_model_set_live_result (UntrainStatusModel *self,
                                      const char         *item_id,
                                      UntrainStatus       status,
                                      const char         *message)
{
  g_autoptr(GDateTime) now = NULL;
  UntrainItemStatus *item_status;

  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (self));
  g_return_if_fail (status != UNTRAIN_STATUS_CHECKING);

  if (!(item_status = untrain_status_model_lookup (self, item_id)))
    return;

  now = get_now (self);
  untrain_state_store_set_live (self->store,
                                untrain_platform_get_id (self->platform),
                                item_id, status, now, message);

  derive_status (self, item_status, now);
  update_totals (self);
}

/**
 * untrain_status_model_count_applicable:
 *
 * Returns: how many things to do apply to the person
 */
guint
untrain_status_model_count_applicable (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), 0);

  return self->n_applicable;
}

guint
untrain_status_model_count_done (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), 0);

  return self->n_done;
}

guint
untrain_status_model_count_pending (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), 0);

  return self->n_pending;
}

/**
 * untrain_status_model_needs_country:
 *
 * Returns: whether what applies to the person waits for their country:
 *   nothing to do is known until they choose one
 */
gboolean
untrain_status_model_needs_country (UntrainStatusModel *self)
{
  guint n_items;

  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), FALSE);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n_items; i++)
    {
      UntrainItemStatus *item_status = g_ptr_array_index (self->items, i);

      if (untrain_item_is_actionable (untrain_item_status_get_item (item_status)) &&
          untrain_item_status_get_applies (item_status) == UNTRAIN_APPLIES_UNKNOWN)
        return TRUE;
    }

  return FALSE;
}

/**
 * untrain_status_model_has_errors:
 *
 * Returns: whether an applicable item could not be checked
 */
gboolean
untrain_status_model_has_errors (UntrainStatusModel *self)
{
  g_return_val_if_fail (UNTRAIN_IS_STATUS_MODEL (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (untrain_item_status_get_status (g_ptr_array_index (self->items, i)) == UNTRAIN_STATUS_ERROR)
        return TRUE;
    }

  return FALSE;
}
