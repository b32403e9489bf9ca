/* vigil-demo-random.c: the demo generator's random numbers
 *
 * xoshiro256** seeded through splitmix64 (both by Blackman and Vigna):
 * small, fast, and the same sequence for a seed on every machine, which
 * rand() does not promise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-demo-private.h"

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

void
vigil_demo_rng_seed (VigilDemoRng *rng, guint64 seed)
{
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&seed);
}

guint64
vigil_demo_rng_next (VigilDemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Uniform in [0, n): rejection keeps small ranges unbiased. */
guint
vigil_demo_rng_below (VigilDemoRng *rng, guint n)
{
  guint64 limit;
  guint64 x;

  if (n <= 1)
    return 0;
  limit = G_MAXUINT64 - G_MAXUINT64 % n;
  do
    x = vigil_demo_rng_next (rng);
  while (x >= limit);
  return (guint) (x % n);
}

guint
vigil_demo_rng_range (VigilDemoRng *rng, guint low, guint high)
{
  return low + vigil_demo_rng_below (rng, high - low + 1);
}

gboolean
vigil_demo_rng_chance (VigilDemoRng *rng, guint percent)
{
  return vigil_demo_rng_below (rng, 100) < percent;
}

const char *
vigil_demo_pick (VigilDemoRng *rng, const char * const *list)
{
  return list[vigil_demo_rng_below (rng, g_strv_length ((char **) list))];
}

/* Replaces "{key}" by its value and "#" by a random digit. */
char *
vigil_demo_expand (VigilDemoRng *rng, const char *pattern, const char *const *keys,
                   const char *const *values)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '#')
        {
          g_string_append_c (out, '0' + vigil_demo_rng_below (rng, 10));
          continue;
        }
      if (*p == '{')
        {
          const char *end = strchr (p, '}');
          gboolean done = FALSE;

          for (guint i = 0; end != NULL && keys[i] != NULL; i++)
            if (strlen (keys[i]) == (gsize)(end - p - 1)
                && strncmp (p + 1, keys[i], end - p - 1) == 0)
              {
                g_string_append (out, values[i]);
                p = end;
                done = TRUE;
                break;
              }
          if (done)
            continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
