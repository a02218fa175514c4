/* id_t: defined once, however many headers need it (sizes are glibc's on x86-64). */
#ifndef __DEFINED_id_t
#define __DEFINED_id_t
typedef unsigned int id_t;
#endif
