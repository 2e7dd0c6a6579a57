/* main.c - the haihe command's entry point. */
#include "hh_app.h"

/* run the command line and return its exit status */
int main(int argc, char **argv) { return hh_app_main(argc, argv); }
