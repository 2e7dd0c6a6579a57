/* main.c - STUB: replaced by the haihe command. */
#include <stdio.h>
int main(void) { puts("haihe"); return 0; }
