/* untrain-status.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-status"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-core-enums.h"
#include "untrain-status.h"

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

const char *
untrain_status_to_string (UntrainStatus status)
{
  return enum_to_nick (UNTRAIN_TYPE_STATUS, status);
}

gboolean
untrain_status_from_string (const char    *string,
                            UntrainStatus *status)
{
  int value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!enum_from_nick (UNTRAIN_TYPE_STATUS, string, &value))
    return FALSE;

  *status = value;
  return TRUE;
}

const char *
untrain_status_get_label (UntrainStatus status)
{
  switch (status)
    {
    case UNTRAIN_STATUS_CHECKING:
      return _("Checking…");
    case UNTRAIN_STATUS_DONE:
      return _("Done");
    case UNTRAIN_STATUS_ACTION_NEEDED:
      return _("Action needed");
    case UNTRAIN_STATUS_NOT_APPLICABLE:
      return _("Not applicable");
    case UNTRAIN_STATUS_NEEDS_SIGN_IN:
      return _("Sign-in needed");
    case UNTRAIN_STATUS_ERROR:
      return _("Error");
    case UNTRAIN_STATUS_UNKNOWN:
    default:
      return _("Unknown");
    }
}

const char *
untrain_status_get_icon_name (UntrainStatus status)
{
  switch (status)
    {
    case UNTRAIN_STATUS_CHECKING:
      return "content-loading-symbolic";
    case UNTRAIN_STATUS_DONE:
      return "emblem-ok-symbolic";
    case UNTRAIN_STATUS_ACTION_NEEDED:
      return "dialog-warning-symbolic";
    case UNTRAIN_STATUS_NOT_APPLICABLE:
      return "action-unavailable-symbolic";
    case UNTRAIN_STATUS_NEEDS_SIGN_IN:
      return "system-lock-screen-symbolic";
    case UNTRAIN_STATUS_ERROR:
      return "dialog-error-symbolic";
    case UNTRAIN_STATUS_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

const char *
untrain_evidence_to_string (UntrainEvidence evidence)
{
  return enum_to_nick (UNTRAIN_TYPE_EVIDENCE, evidence);
}

gboolean
untrain_evidence_from_string (const char      *string,
                              UntrainEvidence *evidence)
{
  int value;

  g_return_val_if_fail (evidence != NULL, FALSE);

  if (!enum_from_nick (UNTRAIN_TYPE_EVIDENCE, string, &value))
    return FALSE;

  *evidence = value;
  return TRUE;
}
