/* untrain-item-status.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-item-status"

#include "config.h"

#include "untrain-core-enums.h"
#include "untrain-item-status-private.h"

/* One row of a platform's checklist: the catalog item, whether it applies
 * to the person and why, and its status with the evidence behind it. The
 * status model owns and updates these; rows bind to their properties.
 */
struct _UntrainItemStatus
{
  GObject          parent_instance;

  UntrainItem     *item;
  UntrainStatus    status;
  UntrainEvidence  evidence;
  GDateTime       *checked_at;
  char            *message;
  UntrainApplies   applies;
  GDate            since;
  char            *reason;

  /* For forms: when the person sent it, when the answer is due, when it came. */
  GDate            submitted_on;
  GDate            answer_due;
  GDate            answer_received_on;
  gboolean         needs_follow_up;
};

enum {
  PROP_0,
  PROP_ITEM,
  PROP_STATUS,
  PROP_EVIDENCE,
  PROP_CHECKED_AT,
  PROP_MESSAGE,
  PROP_APPLIES,
  PROP_REASON,
  PROP_SUBMITTED_ON,
  PROP_ANSWER_DUE,
  PROP_ANSWER_RECEIVED_ON,
  PROP_NEEDS_FOLLOW_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UntrainItemStatus, untrain_item_status, G_TYPE_OBJECT)

static void
untrain_item_status_dispose (GObject *object)
{
  UntrainItemStatus *self = (UntrainItemStatus *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (untrain_item_status_parent_class)->dispose (object);
}

static void
untrain_item_status_finalize (GObject *object)
{
  UntrainItemStatus *self = (UntrainItemStatus *)object;

  g_clear_pointer (&self->checked_at, g_date_time_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (untrain_item_status_parent_class)->finalize (object);
}

static void
untrain_item_status_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UntrainItemStatus *self = UNTRAIN_ITEM_STATUS (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_EVIDENCE:
      g_value_set_enum (value, self->evidence);
      break;

    case PROP_CHECKED_AT:
      g_value_set_boxed (value, self->checked_at);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_APPLIES:
      g_value_set_enum (value, self->applies);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_SUBMITTED_ON:
      g_value_set_boxed (value, g_date_valid (&self->submitted_on) ? &self->submitted_on : NULL);
      break;

    case PROP_ANSWER_DUE:
      g_value_set_boxed (value, g_date_valid (&self->answer_due) ? &self->answer_due : NULL);
      break;

    case PROP_ANSWER_RECEIVED_ON:
      g_value_set_boxed (value, g_date_valid (&self->answer_received_on) ? &self->answer_received_on : NULL);
      break;

    case PROP_NEEDS_FOLLOW_UP:
      g_value_set_boolean (value, self->needs_follow_up);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
untrain_item_status_class_init (UntrainItemStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = untrain_item_status_dispose;
  object_class->finalize = untrain_item_status_finalize;
  object_class->get_property = untrain_item_status_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         UNTRAIN_TYPE_ITEM,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       UNTRAIN_TYPE_STATUS,
                       UNTRAIN_STATUS_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EVIDENCE] =
    g_param_spec_enum ("evidence", NULL, NULL,
                       UNTRAIN_TYPE_EVIDENCE,
                       UNTRAIN_EVIDENCE_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHECKED_AT] =
    g_param_spec_boxed ("checked-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPLIES] =
    g_param_spec_enum ("applies", NULL, NULL,
                       UNTRAIN_TYPE_APPLIES,
                       UNTRAIN_APPLIES_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* For forms; %NULL while not known */
  properties[PROP_SUBMITTED_ON] =
    g_param_spec_boxed ("submitted-on", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER_DUE] =
    g_param_spec_boxed ("answer-due", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER_RECEIVED_ON] =
    g_param_spec_boxed ("answer-received-on", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NEEDS_FOLLOW_UP] =
    g_param_spec_boolean ("needs-follow-up", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
untrain_item_status_init (UntrainItemStatus *self)
{
  g_date_clear (&self->since, 1);
  g_date_clear (&self->submitted_on, 1);
  g_date_clear (&self->answer_due, 1);
  g_date_clear (&self->answer_received_on, 1);
}

UntrainItemStatus *
_untrain_item_status_new (UntrainItem *item)
{
  UntrainItemStatus *self;

  g_return_val_if_fail (UNTRAIN_IS_ITEM (item), NULL);

  self = g_object_new (UNTRAIN_TYPE_ITEM_STATUS, NULL);
  self->item = g_object_ref (item);

  return self;
}

void
_untrain_item_status_set_applicability (UntrainItemStatus          *self,
                                        const UntrainApplicability *applicability)
{
  g_return_if_fail (UNTRAIN_IS_ITEM_STATUS (self));
  g_return_if_fail (applicability != NULL);

  self->since = applicability->since;

  if (self->applies != applicability->applies)
    {
      self->applies = applicability->applies;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIES]);
    }

  if (g_strcmp0 (self->reason, applicability->reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (applicability->reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
}

static gboolean
date_time_equal (GDateTime *a,
                 GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

void
_untrain_item_status_set_status (UntrainItemStatus *self,
                                 UntrainStatus      status,
                                 UntrainEvidence    evidence,
                                 GDateTime         *checked_at,
                                 const char        *message)
{
  g_return_if_fail (UNTRAIN_IS_ITEM_STATUS (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (self->evidence != evidence)
    {
      self->evidence = evidence;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
    }

  if (!date_time_equal (self->checked_at, checked_at))
    {
      g_clear_pointer (&self->checked_at, g_date_time_unref);
      self->checked_at = checked_at != NULL ? g_date_time_ref (checked_at) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED_AT]);
    }

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

UntrainItem *
untrain_item_status_get_item (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return self->item;
}

UntrainStatus
untrain_item_status_get_status (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), UNTRAIN_STATUS_UNKNOWN);

  return self->status;
}

UntrainEvidence
untrain_item_status_get_evidence (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), UNTRAIN_EVIDENCE_NONE);

  return self->evidence;
}

/**
 * untrain_item_status_get_checked_at:
 *
 * Returns: (transfer none) (nullable): when the evidence was gathered: the
 *   live read, or the person's confirmation
 */
GDateTime *
untrain_item_status_get_checked_at (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return self->checked_at;
}

UntrainApplies
untrain_item_status_get_applies (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), UNTRAIN_APPLIES_UNKNOWN);

  return self->applies;
}

/**
 * untrain_item_status_get_since:
 *
 * Returns: (transfer none): the date from which the item applies to the
 *   person; not valid (g_date_valid()) when there is none
 */
const GDate *
untrain_item_status_get_since (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return &self->since;
}

const char *
untrain_item_status_get_reason (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return self->reason;
}

/**
 * untrain_item_status_get_message:
 *
 * Returns: (nullable): for %UNTRAIN_STATUS_ERROR, what went wrong, in
 *   words a person can act on
 */
const char *
untrain_item_status_get_message (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return self->message;
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);

  return g_date_compare (a, b) == 0;
}

static void
set_date (UntrainItemStatus *self,
          GDate             *date,
          const GDate       *value,
          guint              prop_id)
{
  if (dates_equal (date, value))
    return;

  *date = *value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_untrain_item_status_set_form_dates (UntrainItemStatus *self,
                                     const GDate       *submitted_on,
                                     const GDate       *answer_due,
                                     const GDate       *answer_received_on,
                                     gboolean           needs_follow_up)
{
  g_return_if_fail (UNTRAIN_IS_ITEM_STATUS (self));

  g_object_freeze_notify (G_OBJECT (self));

  set_date (self, &self->submitted_on, submitted_on, PROP_SUBMITTED_ON);
  set_date (self, &self->answer_due, answer_due, PROP_ANSWER_DUE);
  set_date (self, &self->answer_received_on, answer_received_on, PROP_ANSWER_RECEIVED_ON);

  if (self->needs_follow_up != !!needs_follow_up)
    {
      self->needs_follow_up = !!needs_follow_up;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_FOLLOW_UP]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * untrain_item_status_get_submitted_on:
 *
 * Returns: (transfer none): when the person sent the form; not valid
 *   (g_date_valid()) when they have not
 */
const GDate *
untrain_item_status_get_submitted_on (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return &self->submitted_on;
}

/**
 * untrain_item_status_get_answer_due:
 *
 * Returns: (transfer none): when the platform must have answered: one
 *   month after the submission (GDPR Art. 12(3)); not valid when unsent
 */
const GDate *
untrain_item_status_get_answer_due (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return &self->answer_due;
}

/**
 * untrain_item_status_get_answer_received_on:
 *
 * Returns: (transfer none): when the answer came; not valid until then
 */
const GDate *
untrain_item_status_get_answer_received_on (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), NULL);

  return &self->answer_received_on;
}

/**
 * untrain_item_status_needs_follow_up:
 *
 * Returns: whether the answer is overdue and the person should follow up
 */
gboolean
untrain_item_status_needs_follow_up (UntrainItemStatus *self)
{
  g_return_val_if_fail (UNTRAIN_IS_ITEM_STATUS (self), FALSE);

  return self->needs_follow_up;
}
