/* untrain-status.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words of these values are part of the command line's contract:
 * "unknown", "checking", "done", "action-needed", "not-applicable",
 * "needs-sign-in", "error".
 */
typedef enum
{
  UNTRAIN_STATUS_UNKNOWN,
  UNTRAIN_STATUS_CHECKING,
  UNTRAIN_STATUS_DONE,
  UNTRAIN_STATUS_ACTION_NEEDED,
  UNTRAIN_STATUS_NOT_APPLICABLE,
  UNTRAIN_STATUS_NEEDS_SIGN_IN,
  UNTRAIN_STATUS_ERROR,
} UntrainStatus;

/* Why Untrain believes a status: read from the account, said by the
 * person, or derived from the rules. "none" is printed as null.
 */
typedef enum
{
  UNTRAIN_EVIDENCE_NONE,
  UNTRAIN_EVIDENCE_LIVE,
  UNTRAIN_EVIDENCE_CONFIRMED,
  UNTRAIN_EVIDENCE_DERIVED,
} UntrainEvidence;

const char      *untrain_status_to_string     (UntrainStatus     status);
gboolean         untrain_status_from_string   (const char       *string,
                                               UntrainStatus    *status);
const char      *untrain_status_get_label     (UntrainStatus     status);
const char      *untrain_status_get_icon_name (UntrainStatus     status);
const char      *untrain_evidence_to_string   (UntrainEvidence   evidence);
gboolean         untrain_evidence_from_string (const char       *string,
                                               UntrainEvidence  *evidence);

G_END_DECLS
