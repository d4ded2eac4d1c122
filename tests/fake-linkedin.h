/* fake-linkedin.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A LinkedIn for tests: a SoupServer on 127.0.0.1, on a port of its own,
 * that speaks the contract of DESIGN.md ("LinkedIn") and can fail in every
 * way the provider must handle. It runs in the thread-default main context
 * of whoever creates it, so a test drives both ends from one main loop.
 * Point the provider at it with UNTRAIN_LINKEDIN_URL=fake_linkedin_get_url()
 * and the session fake_linkedin_get_cookies().
 *
 * It knows the three LinkedIn pages of the catalog, each switch on at the
 * start. Every request must carry the session's Cookie, its csrf-token and
 * x-restli-protocol-version: 2.0.0, or it gets a 401; a page read must
 * accept text/html and an API call application/json, or it gets a 406.
 */

#define FAKE_LINKEDIN_AI_TRAINING_PAGE      "data-for-ai-improvement"
#define FAKE_LINKEDIN_AI_TRAINING_KEY       "allowDataForGenerativeAI"
#define FAKE_LINKEDIN_ADS_SHARING_PAGE      "share-data-with-select-partners"
#define FAKE_LINKEDIN_ADS_SHARING_KEY       "shareDataWithTrustedPartners"
#define FAKE_LINKEDIN_RESEARCH_PAGE         "policy-and-academic-research"
#define FAKE_LINKEDIN_RESEARCH_KEY          "allowAnonymizedDataResearch"

/* The "page" whose mode fake_linkedin_set_page_mode() sets for
 * GET /mysettings-api/settingsApiMiniProfile (who is signed in).
 */
#define FAKE_LINKEDIN_PROFILE_PAGE          "settingsApiMiniProfile"

typedef enum
{
  FAKE_LINKEDIN_MODE_SWITCH,          /* "value" true/false with onValue and offValue (the default) */
  FAKE_LINKEDIN_MODE_DISPLAY_VALUES,  /* no "value": the selected settingDisplayValues entry, "ENABLED"/"DISABLED" */
  FAKE_LINKEDIN_MODE_NO_OFF_VALUE,    /* "value" true/false, no onValue/offValue: the catalog says which is off */
  FAKE_LINKEDIN_MODE_UNAUTHORIZED,    /* 401 */
  FAKE_LINKEDIN_MODE_FORBIDDEN,       /* 403 */
  FAKE_LINKEDIN_MODE_LOGIN_REDIRECT,  /* 302 to /uas/login?session_redirect=… */
  FAKE_LINKEDIN_MODE_NOT_FOUND,       /* 404 */
  FAKE_LINKEDIN_MODE_BUSY,            /* as fake_linkedin_set_busy() says, then as SWITCH */
  FAKE_LINKEDIN_MODE_SLOW,            /* as SWITCH, after fake_linkedin_set_slow_ms() (5 s unless set) */
  FAKE_LINKEDIN_MODE_GARBAGE,         /* 200, HTML without the setting: broken markup, non-JSON and too deep <code> */
  FAKE_LINKEDIN_MODE_HUGE,            /* 200, a 10 MiB page with Content-Length */
  FAKE_LINKEDIN_MODE_HUGE_CHUNKED,    /* 200, a 10 MiB page, chunked: its size shows only while reading */
  FAKE_LINKEDIN_MODE_ELSEWHERE,       /* 302 to the same path on the other host (fake_linkedin_get_elsewhere_url()) */
  FAKE_LINKEDIN_MODE_MOVED,           /* 301 to another path on the same host, which answers as SWITCH */
  FAKE_LINKEDIN_MODE_REDIRECT_LOOP,   /* 302 to the same address, every time */
  FAKE_LINKEDIN_MODE_STUCK,           /* as SWITCH, but a PUT answers 200 and changes nothing */
} FakeLinkedinMode;

#define FAKE_TYPE_LINKEDIN (fake_linkedin_get_type())

G_DECLARE_FINAL_TYPE (FakeLinkedin, fake_linkedin, FAKE, LINKEDIN, GObject)

FakeLinkedin       *fake_linkedin_new                      (void);

/* Where it is, and the session it accepts */
const char         *fake_linkedin_get_url                  (FakeLinkedin     *self);
const char         *fake_linkedin_get_cookies              (FakeLinkedin     *self);
const char * const *fake_linkedin_get_secrets              (FakeLinkedin     *self);
void                fake_linkedin_set_session              (FakeLinkedin     *self,
                                                            const char       *li_at,
                                                            const char       *jsessionid);

/* How it answers */
void                fake_linkedin_set_page_mode            (FakeLinkedin     *self,
                                                            const char       *page,
                                                            FakeLinkedinMode  mode);
void                fake_linkedin_set_setting_on           (FakeLinkedin     *self,
                                                            const char       *key,
                                                            gboolean          on);
gboolean            fake_linkedin_get_setting_on           (FakeLinkedin     *self,
                                                            const char       *key);
void                fake_linkedin_set_profile              (FakeLinkedin     *self,
                                                            const char       *first_name,
                                                            const char       *last_name);
void                fake_linkedin_set_busy                 (FakeLinkedin     *self,
                                                            guint             status,
                                                            guint             n_times,
                                                            const char       *retry_after);
void                fake_linkedin_set_slow_ms              (FakeLinkedin     *self,
                                                            guint             slow_ms);
void                fake_linkedin_set_latency_ms           (FakeLinkedin     *self,
                                                            guint             latency_ms);

/* What it saw */
guint               fake_linkedin_get_n_requests           (FakeLinkedin     *self);
guint               fake_linkedin_get_n_writes             (FakeLinkedin     *self);
guint               fake_linkedin_get_n_rejected           (FakeLinkedin     *self);
guint               fake_linkedin_get_n_connections        (FakeLinkedin     *self);
char               *fake_linkedin_dup_last_header          (FakeLinkedin     *self,
                                                            const char       *name);
void                fake_linkedin_reset_counts             (FakeLinkedin     *self);

/* The other host, where ELSEWHERE sends the provider */
const char         *fake_linkedin_get_elsewhere_url        (FakeLinkedin     *self);
guint               fake_linkedin_get_elsewhere_n_requests (FakeLinkedin     *self);
gboolean            fake_linkedin_get_elsewhere_saw_cookie (FakeLinkedin     *self);

G_END_DECLS
