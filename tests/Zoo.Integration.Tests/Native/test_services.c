/* Small C services for the kernel's tests, one function per service, named after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zoo_service.h"

static maps *named(maps *list, const char *name) {
  for (; list != NULL; list = list->next)
    if (strcmp(list->name, name) == 0)
      return list;
  return NULL;
}

static map *key(map *list, const char *name) {
  for (; list != NULL; list = list->next)
    if (strcmp(list->name, name) == 0)
      return list;
  return NULL;
}

/* Replaces the value (freeing the kernel's) or appends the key, as ZOO's own helpers do. */
static void put(maps *section, const char *name, const char *value, size_t length) {
  map *entry = key(section->content, name);
  if (entry == NULL) {
    entry = calloc(1, sizeof(map));
    entry->name = strdup(name);
    entry->next = section->content;
    section->content = entry;
  }
  free(entry->value);
  entry->value = malloc(length + 1);
  memcpy(entry->value, value, length);
  entry->value[length] = '\0';
}

static int fail(maps **conf, const char *message) {
  maps *lenv = named(*conf, "lenv");
  if (lenv != NULL)
    put(lenv, "message", message, strlen(message));
  return SERVICE_FAILED;
}

int HelloC(maps **conf, maps **inputs, maps **outputs) {
  maps *input = named(*inputs, "name");
  map *value = input == NULL ? NULL : key(input->content, "value");
  maps *result = named(*outputs, "Result");
  if (value == NULL || result == NULL)
    return fail(conf, "HelloC needs its name input");
  char text[1024];
  snprintf(text, sizeof text, "Hello %s from C", value->value);
  put(result, "value", text, strlen(text));
  return SERVICE_SUCCEEDED;
}

int BinaryC(maps **conf, maps **inputs, maps **outputs) {
  (void)inputs;
  maps *result = named(*outputs, "Result");
  if (result == NULL)
    return fail(conf, "BinaryC has no Result output");
  char bytes[256];
  for (int i = 0; i < 256; i++)
    bytes[i] = (char)i;
  put(result, "value", bytes, sizeof bytes);
  put(result, "size", "256", 3);
  return SERVICE_SUCCEEDED;
}

int FailC(maps **conf, maps **inputs, maps **outputs) {
  (void)inputs;
  (void)outputs;
  return fail(conf, "FailC refused on purpose");
}

int CrashC(maps **conf, maps **inputs, maps **outputs) {
  (void)conf;
  (void)inputs;
  (void)outputs;
  volatile int *nowhere = NULL;
  return *nowhere;
}

int LoopC(maps **conf, maps **inputs, maps **outputs) {
  (void)conf;
  (void)inputs;
  (void)outputs;
  for (volatile int forever = 1; forever;)
    ;
  return SERVICE_SUCCEEDED;
}

int PrintC(maps **conf, maps **inputs, maps **outputs) {
  (void)conf;
  (void)inputs;
  printf("NOISE from a C service\n");
  fflush(stdout);
  put(named(*outputs, "Result"), "value", "quiet", 5);
  return SERVICE_SUCCEEDED;
}
