/* hh_physics.cpp - the Bullet shim behind hh_physics.h (the engine's only C++).
 *
 * Memory: Bullet allocates through btAlignedAlloc, which we route (process-wide, once)
 * to our own hooks. While a shim call runs, a thread-local pointer names the world's
 * arena: blocks come from power-of-two free lists carved from one reservation made at
 * hh_phys_create, and frees go back to those lists. So a world's tick never reaches
 * malloc or free once the arena is reserved; outside shim calls the hooks forward to
 * the C heap exactly like Bullet's defaults. Bullet's profiler zones (which allocate
 * tree nodes on first use) are replaced by no-ops.
 */
#include "hh_physics.h"

#include <btBulletDynamicsCommon.h>
#include <BulletDynamics/ConstraintSolver/btFixedConstraint.h>

#include <cstdlib>
#include <cstring>
#include <new>

namespace {

const int kClasses = 48;          /* size classes 2^0 .. 2^47 bytes */
const size_t kHeader = 16;        /* block header: class index, free-list link */
const double kTouch = 1e-3;       /* a contact point this close (m) counts as touching */

/* a world's private allocation arena */
struct Arena {
  unsigned char *base = nullptr;
  size_t cap = 0, used = 0;
  unsigned char *free_list[kClasses] = {};
  long overflow = 0;
};

thread_local Arena *t_arena = nullptr;

/* smallest class c with 2^c >= n */
int size_class(size_t n) {
  int c = 5;
  while (((size_t)1 << c) < n) c++;
  return c;
}

/* Bullet's raw allocation hook: the current arena, else the heap */
void *hook_alloc(size_t size) {
  Arena *a = t_arena;
  if (!a) return std::malloc(size);
  if (size > a->cap) {
    a->overflow++;
    return std::malloc(size);
  }
  int c = size_class(size + kHeader);
  unsigned char *blk = a->free_list[c];
  if (blk) {
    std::memcpy(&a->free_list[c], blk + 8, sizeof blk);
  } else {
    size_t bytes = (size_t)1 << c;
    if (a->used + bytes > a->cap) {
      a->overflow++;
      return std::malloc(size);
    }
    blk = a->base + a->used;
    a->used += bytes;
  }
  std::memcpy(blk, &c, sizeof c);
  return blk + kHeader;
}

/* Bullet's raw free hook: back to the arena that owns the block, else the heap */
void hook_free(void *ptr) {
  if (!ptr) return;
  Arena *a = t_arena;
  unsigned char *p = static_cast<unsigned char *>(ptr);
  if (a && p >= a->base && p < a->base + a->cap) {
    unsigned char *blk = p - kHeader;
    int c;
    std::memcpy(&c, blk, sizeof c);
    std::memcpy(blk + 8, &a->free_list[c], sizeof blk);
    a->free_list[c] = blk;
    return;
  }
  std::free(ptr);
}

/* profiler zone hooks that do nothing (the default ones allocate on first use) */
void zone_enter(const char *) {}
void zone_leave() {}

/* install the hooks (once per process, thread-safe through the static initialiser) */
void install_hooks() {
  static const bool installed = [] {
    btAlignedAllocSetCustom(hook_alloc, hook_free);
    btSetCustomEnterProfileZoneFunc(zone_enter);
    btSetCustomLeaveProfileZoneFunc(zone_leave);
    return true;
  }();
  (void)installed;
}

/* makes an arena current for the lifetime of a shim call */
struct ArenaScope {
  Arena *prev;
  explicit ArenaScope(Arena *a) : prev(t_arena) { t_arena = a; }
  ~ArenaScope() { t_arena = prev; }
};

const int kMaxWelds = 8;

}  // namespace

struct hh_physics {
  Arena arena;
  btDefaultCollisionConfiguration *config = nullptr;
  btCollisionDispatcher *dispatcher = nullptr;
  btBroadphaseInterface *broadphase = nullptr;
  btSequentialImpulseConstraintSolver *solver = nullptr;
  btDiscreteDynamicsWorld *world = nullptr;
  btBoxShape **shape = nullptr;
  btRigidBody **body = nullptr;
  int *user = nullptr;
  int *role = nullptr;
  int n = 0, cap = 0;
  btFixedConstraint *weld[kMaxWelds] = {};
  int n_welds = 0;
};

/* make an empty world with its arena */
extern "C" hh_physics *hh_phys_create(double g, int max_bodies, size_t arena_bytes) {
  install_hooks();
  if (max_bodies <= 0) return nullptr;
  hh_physics *p = new (std::nothrow) hh_physics;
  if (!p) return nullptr;
  p->arena.cap = arena_bytes ? arena_bytes : (size_t)8 << 20;
  p->arena.base = static_cast<unsigned char *>(std::aligned_alloc(64, p->arena.cap));
  p->shape = new (std::nothrow) btBoxShape *[max_bodies]();
  p->body = new (std::nothrow) btRigidBody *[max_bodies]();
  p->user = new (std::nothrow) int[max_bodies]();
  p->role = new (std::nothrow) int[max_bodies]();
  if (!p->arena.base || !p->shape || !p->body || !p->user || !p->role) {
    hh_phys_destroy(p);
    return nullptr;
  }
  p->cap = max_bodies;
  ArenaScope scope(&p->arena);
  btDefaultCollisionConstructionInfo info;
  info.m_defaultMaxPersistentManifoldPoolSize = 256;
  info.m_defaultMaxCollisionAlgorithmPoolSize = 256;
  p->config = new btDefaultCollisionConfiguration(info);
  p->dispatcher = new btCollisionDispatcher(p->config);
  p->broadphase = new btDbvtBroadphase();
  p->solver = new btSequentialImpulseConstraintSolver();
  p->world = new btDiscreteDynamicsWorld(p->dispatcher, p->broadphase, p->solver, p->config);
  p->world->setGravity(btVector3(0, 0, -g));
  p->world->getSolverInfo().m_numIterations = 20;
  return p;
}

/* destroy the world (bodies, constraints, Bullet objects) and release the arena */
extern "C" void hh_phys_destroy(hh_physics *p) {
  if (!p) return;
  {
    ArenaScope scope(&p->arena);
    for (int i = 0; i < p->n_welds; i++) {
      if (p->world) p->world->removeConstraint(p->weld[i]);
      delete p->weld[i];
    }
    for (int i = 0; i < p->n; i++) {
      if (p->world) p->world->removeRigidBody(p->body[i]);
      delete p->body[i];
      delete p->shape[i];
    }
    delete p->world;
    delete p->solver;
    delete p->broadphase;
    delete p->dispatcher;
    delete p->config;
  }
  delete[] p->shape;
  delete[] p->body;
  delete[] p->user;
  delete[] p->role;
  std::free(p->arena.base);
  delete p;
}

/* btTransform from position and x y z w quaternion (all-zero quaternion = identity) */
static btTransform make_transform(const double pos[3], const double q[4]) {
  btQuaternion r(0, 0, 0, 1);
  if (q && (q[0] != 0 || q[1] != 0 || q[2] != 0 || q[3] != 0)) r = btQuaternion(q[0], q[1], q[2], q[3]);
  return btTransform(r, btVector3(pos[0], pos[1], pos[2]));
}

/* add a static or dynamic box; body index or -1 */
extern "C" int hh_phys_add_box(hh_physics *p, const hh_phys_box *b) {
  if (!p || !b || p->n >= p->cap) return -1;
  ArenaScope scope(&p->arena);
  btBoxShape *shape = new btBoxShape(btVector3(b->half[0], b->half[1], b->half[2]));
  btVector3 inertia(0, 0, 0);
  if (b->mass > 0) shape->calculateLocalInertia(b->mass, inertia);
  btRigidBody::btRigidBodyConstructionInfo info(b->mass, nullptr, shape, inertia);
  info.m_startWorldTransform = make_transform(b->pos, b->quat);
  info.m_friction = b->friction > 0 ? b->friction : 0.5;
  info.m_restitution = b->restitution;
  info.m_linearDamping = b->lin_damping;
  info.m_angularDamping = b->ang_damping;
  btRigidBody *body = new btRigidBody(info);
  int i = p->n++;
  body->setUserIndex(i);
  if (b->mass > 0) body->setActivationState(DISABLE_DEACTIVATION);
  p->world->addRigidBody(body);
  p->shape[i] = shape;
  p->body[i] = body;
  p->user[i] = b->user;
  p->role[i] = b->role;
  return i;
}

/* add a disabled fixed constraint between bodies a and b */
extern "C" int hh_phys_add_weld(hh_physics *p, int a, int b) {
  if (!p || p->n_welds >= kMaxWelds || a < 0 || b < 0 || a >= p->n || b >= p->n) return -1;
  ArenaScope scope(&p->arena);
  btTransform id;
  id.setIdentity();
  btFixedConstraint *c = new btFixedConstraint(*p->body[a], *p->body[b], id, id);
  c->setEnabled(false);
  p->world->addConstraint(c, false); /* keep contacts between the welded bodies */
  p->weld[p->n_welds] = c;
  return p->n_welds++;
}

/* enable weld w holding the current relative pose, or disable it */
extern "C" void hh_phys_weld_set(hh_physics *p, int w, int on) {
  if (!p || w < 0 || w >= p->n_welds) return;
  btFixedConstraint *c = p->weld[w];
  if (on) {
    const btTransform &ta = c->getRigidBodyA().getWorldTransform();
    const btTransform &tb = c->getRigidBodyB().getWorldTransform();
    btTransform fa;
    fa.setIdentity();
    c->setFrames(fa, tb.inverse() * ta);
  }
  c->setEnabled(on != 0);
}

/* 1 when weld w is enabled */
extern "C" int hh_phys_weld_on(const hh_physics *p, int w) {
  if (!p || w < 0 || w >= p->n_welds) return 0;
  return p->weld[w]->isEnabled() ? 1 : 0;
}

/* read body i's state */
extern "C" void hh_phys_get(const hh_physics *p, int i, double pos[3], double quat[4],
                            double vel[3], double avel[3]) {
  if (!p || i < 0 || i >= p->n) return;
  const btRigidBody *b = p->body[i];
  const btTransform &t = b->getWorldTransform();
  if (pos) {
    const btVector3 &o = t.getOrigin();
    pos[0] = o.x(); pos[1] = o.y(); pos[2] = o.z();
  }
  if (quat) {
    btQuaternion q = t.getRotation();
    quat[0] = q.x(); quat[1] = q.y(); quat[2] = q.z(); quat[3] = q.w();
  }
  if (vel) {
    const btVector3 &v = b->getLinearVelocity();
    vel[0] = v.x(); vel[1] = v.y(); vel[2] = v.z();
  }
  if (avel) {
    const btVector3 &w = b->getAngularVelocity();
    avel[0] = w.x(); avel[1] = w.y(); avel[2] = w.z();
  }
}

/* write body i's state */
extern "C" void hh_phys_set(hh_physics *p, int i, const double pos[3], const double quat[4],
                            const double vel[3], const double avel[3]) {
  if (!p || i < 0 || i >= p->n) return;
  btRigidBody *b = p->body[i];
  btTransform t = make_transform(pos, quat);
  b->setWorldTransform(t);
  b->setInterpolationWorldTransform(t);
  btVector3 v = vel ? btVector3(vel[0], vel[1], vel[2]) : btVector3(0, 0, 0);
  btVector3 w = avel ? btVector3(avel[0], avel[1], avel[2]) : btVector3(0, 0, 0);
  b->setLinearVelocity(v);
  b->setAngularVelocity(w);
  b->setInterpolationLinearVelocity(v);
  b->setInterpolationAngularVelocity(w);
  b->clearForces();
}

/* apply force f at world point at on body i */
extern "C" void hh_phys_force_at(hh_physics *p, int i, const double f[3], const double at[3]) {
  if (!p || i < 0 || i >= p->n) return;
  btRigidBody *b = p->body[i];
  btVector3 rel = btVector3(at[0], at[1], at[2]) - b->getCenterOfMassPosition();
  b->applyForce(btVector3(f[0], f[1], f[2]), rel);
}

/* one fixed step of dt */
extern "C" void hh_phys_step(hh_physics *p, double dt) {
  if (!p) return;
  ArenaScope scope(&p->arena);
  p->world->stepSimulation(dt, 0);
}

/* collision detection only */
extern "C" void hh_phys_detect(hh_physics *p) {
  if (!p) return;
  ArenaScope scope(&p->arena);
  p->world->performDiscreteCollisionDetection();
}

/* list touching pairs */
extern "C" int hh_phys_contacts(const hh_physics *p, hh_phys_contact *out, int max) {
  if (!p) return 0;
  int count = 0;
  btDispatcher *disp = p->world->getDispatcher();
  int nm = disp->getNumManifolds();
  for (int k = 0; k < nm && count < max; k++) {
    btPersistentManifold *m = disp->getManifoldByIndexInternal(k);
    double imp = 0, depth = 0;
    int touching = 0;
    for (int j = 0; j < m->getNumContacts(); j++) {
      const btManifoldPoint &pt = m->getContactPoint(j);
      if (pt.getDistance() <= kTouch) {
        touching = 1;
        imp += pt.getAppliedImpulse();
        if (-pt.getDistance() > depth) depth = -pt.getDistance();
      }
    }
    if (!touching) continue;
    int a = m->getBody0()->getUserIndex(), b = m->getBody1()->getUserIndex();
    hh_phys_contact *c = &out[count++];
    c->a = a < b ? a : b;
    c->b = a < b ? b : a;
    c->impulse = imp;
    c->depth = depth;
  }
  return count;
}

/* caller's user id of body i (-1 when out of range) */
extern "C" int hh_phys_body_user(const hh_physics *p, int i) {
  return (p && i >= 0 && i < p->n) ? p->user[i] : -1;
}

/* caller's role code of body i */
extern "C" int hh_phys_body_role(const hh_physics *p, int i) {
  return (p && i >= 0 && i < p->n) ? p->role[i] : 0;
}

/* mass of body i (kg; 0 for static) */
extern "C" double hh_phys_body_mass(const hh_physics *p, int i) {
  if (!p || i < 0 || i >= p->n) return 0;
  double inv = p->body[i]->getInvMass();
  return inv > 0 ? 1.0 / inv : 0.0;
}

/* number of bodies */
extern "C" int hh_phys_body_count(const hh_physics *p) { return p ? p->n : 0; }

/* allocations the arena could not serve */
extern "C" long hh_phys_overflow(const hh_physics *p) { return p ? p->arena.overflow : 0; }
