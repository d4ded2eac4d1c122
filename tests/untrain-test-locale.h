/* untrain-test-locale.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     untrain_test_locales_init  (void);
gboolean untrain_test_make_locale   (const char *locale);
void     untrain_test_use_locale    (const char *locale);
void     untrain_test_locales_clear (void);

G_END_DECLS
