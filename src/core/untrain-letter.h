/* untrain-letter.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  UNTRAIN_LETTER_OBJECTION,   /* the first letter */
  UNTRAIN_LETTER_FOLLOW_UP,   /* after the answer's due date passed */
} UntrainLetterKind;

/* Who writes: the person's own account details. Any of them may be %NULL
 * or empty; the letter then shows a placeholder the person can see.
 */
typedef struct
{
  const char *name;
  const char *email;
  const char *profile_url;
} UntrainLetterSender;

const char * const *untrain_letter_get_legal_bases      (void);
const char         *untrain_letter_get_legal_basis      (const char                 *country);
char               *untrain_letter_describe_legal_basis (const char                 *country,
                                                         GError                    **error);
char               *untrain_letter_draft_subject        (UntrainLetterKind           kind,
                                                         const GDate                *submitted_on,
                                                         GError                    **error);
char               *untrain_letter_draft                (UntrainLetterKind           kind,
                                                         const char                 *platform_name,
                                                         const char                 *country,
                                                         const UntrainLetterSender  *sender,
                                                         const GDate                *today,
                                                         const GDate                *submitted_on,
                                                         const GDate                *answer_due,
                                                         GError                    **error);

G_END_DECLS
