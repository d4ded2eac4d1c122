/* untrain-error.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UNTRAIN_ERROR (untrain_error_quark ())

typedef enum
{
  UNTRAIN_ERROR_FAILED,
  UNTRAIN_ERROR_INVALID_CATALOG,
  UNTRAIN_ERROR_INVALID_COUNTRY,
  UNTRAIN_ERROR_INVALID_AGE,
  UNTRAIN_ERROR_CORRUPT_STATE,
  UNTRAIN_ERROR_NOT_FOUND,
} UntrainError;

GQuark untrain_error_quark (void);

G_END_DECLS
