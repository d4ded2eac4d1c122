/* untrain-applicability.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "untrain-item.h"

G_BEGIN_DECLS

/* An age Untrain does not know: the platforms' age rules are then taken
 * to apply, since their defaults do.
 */
#define UNTRAIN_AGE_UNKNOWN (-1)

typedef enum
{
  UNTRAIN_APPLIES_UNKNOWN,   /* no country: Untrain cannot tell */
  UNTRAIN_APPLIES_YES,
  UNTRAIN_APPLIES_NOT_YET,   /* the rule's date is in the future */
  UNTRAIN_APPLIES_NO,
} UntrainApplies;

typedef struct
{
  UntrainApplies  applies;
  GDate           since;    /* invalid when there is no date */
  char           *reason;   /* a sentence a person reads */
} UntrainApplicability;

UntrainApplicability *untrain_applicability_evaluate (UntrainItem          *item,
                                                      const char           *platform_name,
                                                      const char           *country,
                                                      int                   age,
                                                      const GDate          *today);
void                  untrain_applicability_free     (UntrainApplicability *self);
int                   untrain_age_from_group         (const char           *age_group);
char                 *untrain_format_date            (const GDate          *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UntrainApplicability, untrain_applicability_free)

G_END_DECLS
