/* hh_physics.h - the C face of the rigid-body world (Bullet, double precision).
 *
 * Opaque handle, plain C types. Bodies are boxes, static (mass 0) or dynamic, each with
 * a user id and a role the caller chooses. One hh_phys_step is exactly one fixed step.
 * Dynamic bodies never sleep and have zero damping unless the description asks for it.
 * A weld is a fixed constraint created at build time, off until enabled; toggling it
 * allocates nothing. Every Bullet allocation of a world comes from an arena reserved at
 * hh_phys_create, so stepping, querying and toggling never call malloc or free.
 *
 * Index:
 *   hh_phys_create      make an empty world (load time, allocates)
 *   hh_phys_destroy     release a world and its arena (safe on NULL)
 *   hh_phys_add_box     add a static or dynamic box; returns its body index
 *   hh_phys_add_weld    add a fixed constraint between two bodies, disabled
 *   hh_phys_weld_set    enable (holding the current relative pose) or disable a weld
 *   hh_phys_weld_on     1 when a weld is enabled
 *   hh_phys_get         read a body's state (pos, quat x y z w, vel, avel)
 *   hh_phys_set         write a body's state
 *   hh_phys_force_at    apply a force (N) at a world point for the next step
 *   hh_phys_step        one fixed step of dt seconds
 *   hh_phys_detect      run collision detection only (contacts of the current poses)
 *   hh_phys_contacts    list touching body pairs with their normal impulse
 *   hh_phys_body_user   user id / role / mass of a body
 *   hh_phys_overflow    allocations the arena could not serve (0 in a healthy world)
 */
#ifndef HH_PHYSICS_H
#define HH_PHYSICS_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hh_physics hh_physics;

/* a box to add; a zeroed description is a static unit-less box at the origin */
typedef struct hh_phys_box {
  double pos[3];          /* centre (m) */
  double quat[4];         /* orientation x, y, z, w (all zero = identity) */
  double half[3];         /* half extents (m) */
  double mass;            /* kg; 0 = static */
  double friction;        /* Coulomb coefficient (0 = Bullet's default 0.5) */
  double restitution;     /* 0..1 */
  double lin_damping;     /* Bullet linear damping fraction per second (0 = none) */
  double ang_damping;     /* Bullet angular damping fraction per second (0 = none) */
  int user;               /* caller's id (e.g. scene box index) */
  int role;               /* caller's role code */
} hh_phys_box;

/* a touching pair of bodies */
typedef struct hh_phys_contact {
  int a, b;               /* body indices, a < b */
  double impulse;         /* sum of normal impulses over the pair's points in the last step (N s) */
  double depth;           /* deepest penetration (m, >= 0) */
} hh_phys_contact;

/* make an empty world with gravity g (m/s^2, along -z), room for max_bodies bodies and
   an allocation arena of arena_bytes (0 = default 8 MiB); NULL on failure */
hh_physics *hh_phys_create(double g, int max_bodies, size_t arena_bytes);
/* destroy the world and its arena */
void hh_phys_destroy(hh_physics *p);
/* add a box; returns its body index, or -1 when full */
int hh_phys_add_box(hh_physics *p, const hh_phys_box *b);
/* add a fixed constraint between bodies a and b, initially disabled; weld index or -1 */
int hh_phys_add_weld(hh_physics *p, int a, int b);
/* enable (on != 0: holds the bodies' current relative pose) or disable weld w */
void hh_phys_weld_set(hh_physics *p, int w, int on);
/* 1 when weld w is enabled */
int hh_phys_weld_on(const hh_physics *p, int w);
/* read body i: position (m), quaternion x y z w, velocity (m/s), angular velocity (rad/s);
   any output may be NULL */
void hh_phys_get(const hh_physics *p, int i, double pos[3], double quat[4], double vel[3],
                 double avel[3]);
/* write body i's state (clears accumulated forces) */
void hh_phys_set(hh_physics *p, int i, const double pos[3], const double quat[4],
                 const double vel[3], const double avel[3]);
/* apply force f (N) at world point at (m) on body i, for the next step only */
void hh_phys_force_at(hh_physics *p, int i, const double f[3], const double at[3]);
/* advance one fixed step of dt seconds */
void hh_phys_step(hh_physics *p, double dt);
/* find the contacts of the current poses without stepping (load time: may allocate) */
void hh_phys_detect(hh_physics *p);
/* write up to max touching pairs (points at or inside contact) to out; returns the count */
int hh_phys_contacts(const hh_physics *p, hh_phys_contact *out, int max);
/* caller's user id, role and mass (kg) of body i */
int hh_phys_body_user(const hh_physics *p, int i);
int hh_phys_body_role(const hh_physics *p, int i);
double hh_phys_body_mass(const hh_physics *p, int i);
/* number of bodies */
int hh_phys_body_count(const hh_physics *p);
/* allocations that fell back to the heap because the arena was full */
long hh_phys_overflow(const hh_physics *p);

#ifdef __cplusplus
}
#endif
#endif
