/* untrain-linkedin-provider.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "untrain-provider.h"

G_BEGIN_DECLS

#define UNTRAIN_TYPE_LINKEDIN_PROVIDER (untrain_linkedin_provider_get_type())

G_DECLARE_FINAL_TYPE (UntrainLinkedinProvider, untrain_linkedin_provider, UNTRAIN, LINKEDIN_PROVIDER, GObject)

UntrainProvider *untrain_linkedin_provider_new          (const char              *cookies,
                                                         GError                 **error);
const char      *untrain_linkedin_provider_get_base_url (UntrainLinkedinProvider *self);
SoupSession     *untrain_linkedin_provider_get_session  (UntrainLinkedinProvider *self);

G_END_DECLS
