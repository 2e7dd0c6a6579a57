/* hh_app.c - STUB. */
#include "hh_app.h"
int hh_app_main(int argc, char **argv) { (void)argc; (void)argv; return 0; }
