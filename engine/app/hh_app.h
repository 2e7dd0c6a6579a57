/* hh_app.h - the haihe command's sub-commands (engine/app). */
#ifndef HH_APP_H
#define HH_APP_H
/* run the haihe command line; returns the process exit status */
int hh_app_main(int argc, char **argv);
#endif
