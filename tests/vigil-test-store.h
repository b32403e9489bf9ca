/* vigil-test-store.h: a temporary vault with a store, for the store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store-private.h"

G_BEGIN_DECLS

#define VIGIL_TEST_PASSPHRASE "a long test passphrase"

typedef struct
{
  char       *dir;
  char       *path;
  VigilVault *vault;
  VigilStore *store;
  GPtrArray  *changed; /* case ids from "case-changed" */
} Fixture;

void           fixture_set_up   (Fixture            *f,
                                 gconstpointer       data);
void           fixture_tear_down (Fixture           *f,
                                  gconstpointer      data);
/* Locks, lets @sql change the file as someone without the passphrase
 * could, and unlocks again with a new store. */
void           tamper           (Fixture            *f,
                                 const char         *sql);
/* The single number @sql selects. */
gint64         count            (Fixture            *f,
                                 const char         *sql);
VigilCase     *add_case         (Fixture            *f,
                                 const char         *reference);
VigilPerson   *add_person       (Fixture            *f,
                                 VigilCase          *kase,
                                 const char         *pseudonym,
                                 VigilPersonRole     role);
VigilHearing  *add_hearing      (Fixture            *f,
                                 VigilCase          *kase,
                                 int                 days_from_now,
                                 VigilHearingStatus  status);
VigilIdentity *make_identity    (const char         *full_name,
                                 const char         *phone,
                                 const char         *address);
void           assert_check_ok  (Fixture            *f);

G_END_DECLS
