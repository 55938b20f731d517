/* ZOO's service maps as a C service receives them, written for these tests from the documented layout:
   a map is one key and its value in a chained list; a maps is a named map (a conf section, an input,
   an output) in a chained list. Every string is malloc'ed: a service may free one and put its own in place. */
#ifndef ZOO_TEST_SERVICE_H
#define ZOO_TEST_SERVICE_H

#define SERVICE_SUCCEEDED 3
#define SERVICE_FAILED 4

typedef struct map {
  char *name;
  char *value;
  struct map *next;
} map;

typedef struct maps {
  char *name;
  struct map *content;
  struct maps *child;
  struct maps *next;
} maps;

#endif
