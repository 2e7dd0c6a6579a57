#version 330 core
// scene.frag - sun (normalised Blinn-Phong from roughness, Schlick Fresnel) + hemisphere
// ambient, PCF shadow, distance fog with height falloff, exact sRGB encoding. Compiled
// twice: plain for solid boxes and with HH_WATER for the moving water (separate
// programs, so solid pixels never pay for the waves on a software rasteriser). Water is
// a microfacet surface: the sky reflected by Fresnel over the dark water body, the sun
// by a normalised GGX lobe whose width is the slope spread of the waves too small for
// the pixel (so far water is a smooth glitter path, near water sparkles).
in vec3 v_world;
in vec3 v_nrm;
in vec4 v_rgba;
in vec4 v_light;             // near shadow cascade, NDC (orthographic: w = 1)
in float v_cov;              // rope coverage (scene.vert): output alpha
flat in float v_mat;
flat in float v_rough;

uniform sampler2DShadow u_shadow;
uniform vec3 u_sun_dir;      // towards the sun, unit
uniform vec3 u_sun_rgb;
uniform vec3 u_sky_rgb;      // ambient from above
uniform vec3 u_ground_rgb;   // ambient from below
uniform vec3 u_haze_rgb;
uniform vec3 u_eye;
uniform float u_time;        // s
uniform float u_shadow_texel;
uniform vec3 u_far_k, u_far_c; // far cascade NDC = near NDC * k + c

out vec4 o_rgba;

// 2x2 bilinear-compared taps (4x4 PCF) in cascade c (0 left half, 1 right half of the
// texture) at light-space position p (0..1); h: half a texel of one cascade
float pcf(vec3 p, float c, float h) {
  vec2 uv = vec2((p.x + c) * 0.5, p.y);
  float z = p.z - 0.0015;
  float hx = 0.5 * h;
  return 0.25 * (texture(u_shadow, vec3(uv + vec2(-hx, -h), z)) +
                 texture(u_shadow, vec3(uv + vec2(hx, -h), z)) +
                 texture(u_shadow, vec3(uv + vec2(-hx, h), z)) +
                 texture(u_shadow, vec3(uv + vec2(hx, h), z)));
}

// fraction of sunlight reaching this point: the near cascade where it covers the
// point, else the far one; outside both (far away) counts as lit. Selected without
// branching, so one set of taps is taken (a software rasteriser runs both sides of a
// branch that differs inside a pixel block)
float shadow_factor() {
  float h = 0.5 * u_shadow_texel, m = 2.0 * u_shadow_texel;
  vec3 p0 = v_light.xyz * 0.5 + 0.5;
  vec3 p1 = (v_light.xyz * u_far_k + u_far_c) * 0.5 + 0.5;
  bool near = p0.z < 1.0 && all(greaterThan(p0.xy, vec2(m))) && all(lessThan(p0.xy, vec2(1.0 - m)));
  vec3 p = near ? p0 : p1;
  if (p.z >= 1.0 || any(lessThan(p.xy, vec2(m))) || any(greaterThan(p.xy, vec2(1.0 - m))))
    return 1.0;
  return pcf(p, near ? 0.0 : 1.0, h);
}

// linear to sRGB (IEC 61966-2-1)
vec3 to_srgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

#ifdef HH_WATER
// cos(x) to 1e-3 (sin on each half period as a parabola, refined once): ~10 arithmetic
// operations against the library's range-reduced polynomial; a ripple's slope is a few
// percent, so it is off by < 2e-5
float cos_fast(float x) {
  float t = fract(x * 0.15915494 + 0.25) * 2.0 - 1.0; // cos(x) = -sin(pi t)
  float y = 4.0 * t * (1.0 - abs(t));
  return -(y + 0.225 * (y * abs(y) - y));
}

// one ripple train: slope amplitude s (dz/dx of a sine), wave vector k (rad/m), unit
// direction u = k / |k|, angular frequency w (rad/s); adds its slope to g and, filtered
// by the pixel footprint (fp: the quadratic form of m per pixel right and up, so that
// k.qx^2 + k.qy^2 = fp.x kx^2 + 2 fp.y kx ky + fp.z ky^2), returns the slope variance
// the pixel averages away
float ripple(inout vec2 g, vec2 q, vec3 fp, vec2 k, vec2 u, float w, float s, float ph) {
  float f = 1.0 / (1.0 + 0.5 * dot(fp, vec3(k.x * k.x, 2.0 * k.x * k.y, k.y * k.y)));
  g += u * (f * s * cos_fast(dot(k, q) - w * u_time + ph)); // 1: resolved, 0: sub-pixel
  return 0.5 * s * s * (1.0 - f * f);
}

// Schlick's (1 - c)^5 by multiplication
float pow5(float c) {
  float x = 1.0 - c, x2 = x * x;
  return x2 * x2 * x;
}

// GGX (Trowbridge-Reitz) normal distribution of lobe width a at cos(n, h) = c
float ggx(float c, float a) {
  float a2 = a * a, d = c * c * (a2 - 1.0) + 1.0;
  return a2 / (3.14159265 * d * d);
}

// Smith shadowing-masking (separable, GGX) of one direction at cos c
float smith(float c, float a) {
  return 2.0 * c / (c + sqrt(a * a + (1.0 - a * a) * c * c));
}

// the water's colour at this point (linear): sky reflection, body, sun glitter
vec3 water(vec3 view, float sh_lit) {
  vec2 q = v_world.xy;
  vec2 qx = dFdx(q), qy = dFdy(q);
  // ripples of a calm harbour (1 to 3.5 m long, deep-water speeds, slopes of a few
  // percent) on the surface normal (the swell's on a sea patch); where a pixel spans
  // them they only widen the sun's lobe
  vec2 g = vec2(0.0);
  vec3 fp = vec3(qx.x * qx.x + qy.x * qy.x, qx.x * qx.y + qy.x * qy.y, qx.y * qx.y + qy.y * qy.y);
  float lost = ripple(g, q, fp, vec2(0.78, 0.28), vec2(0.941195, 0.337865), 2.84, 0.016, 0.0) +
               ripple(g, q, fp, vec2(-0.43, 1.17), vec2(-0.344962, 0.938617), 3.50, 0.016, 1.7) +
               ripple(g, q, fp, vec2(2.07, 1.30), vec2(0.846847, 0.531836), 4.90, 0.014, 4.1) +
               ripple(g, q, fp, vec2(-1.52, 2.33), vec2(-0.546377, 0.837539), 5.22, 0.014, 2.3) +
               ripple(g, q, fp, vec2(4.92, -2.82), vec2(0.867591, -0.497278), 7.46, 0.012, 5.2) +
               ripple(g, q, fp, vec2(1.45, 6.78), vec2(0.209135, 0.977887), 8.24, 0.012, 0.9) +
               ripple(g, q, fp, vec2(-7.75, 5.50), vec2(-0.815507, 0.578747), 9.66, 0.010, 3.3) +
               ripple(g, q, fp, vec2(10.75, 3.50), vec2(0.950871, 0.309586), 10.53, 0.010, 1.1);
  vec3 n0 = v_mat == 4.0 ? normalize(v_nrm) : vec3(0.0, 0.0, 1.0); // sea patch: the swell
  vec3 n = normalize(n0 - vec3(g, 0.0) * n0.z);
  // slope spread under the pixel: capillary waves (Cox-Munk, a light breeze: mean
  // square slope 0.012), the ripples averaged away, and the normal's change across it
  vec3 nx = dFdx(n), ny = dFdy(n);
  float mss = 0.012 + 2.0 * lost + 0.5 * (dot(nx, nx) + dot(ny, ny));
  float a = clamp(sqrt(mss), 0.08, 0.6);    // GGX width ~ rms slope
  float nv = max(dot(n, view), 0.02);
  vec3 r = reflect(-view, n);
  // Fresnel of water (n = 1.33: F0 = 0.02), Schlick; the sky seen in the reflection
  float fv = 0.02 + 0.98 * pow5(nv);
  vec3 sky = mix(u_haze_rgb, u_sky_rgb, pow(clamp(r.z, 0.0, 1.0), 0.35));
  vec3 amb = mix(u_ground_rgb, u_sky_rgb, n.z * 0.5 + 0.5);
  float nl = max(dot(n, u_sun_dir), 0.0);
  vec3 c = mix(v_rgba.rgb * (amb + u_sun_rgb * (0.3 * nl * sh_lit)), sky, fv);
  // sun: D * G * F / (4 n.v n.l) * n.l; radiance at most the sun's (a mirror's)
  vec3 h = normalize(u_sun_dir + view);
  float fh = 0.02 + 0.98 * pow5(max(dot(h, view), 0.0));
  float spec = ggx(max(dot(n, h), 0.0), a) * smith(nv, a) * smith(max(nl, 1e-4), a) * fh /
               (4.0 * nv) * step(0.0, nl);
  return c + u_sun_rgb * (min(spec, 1.0) * sh_lit);
}
#endif

void main() {
  vec3 view = normalize(u_eye - v_world);
#ifdef HH_WATER
  float sh = dot(v_nrm, u_sun_dir) > 0.0 ? shadow_factor() : 0.0;
  vec3 c = water(view, sh);
#else
  vec3 n = normalize(v_nrm);
  vec3 base = v_rgba.rgb;
  float rough = v_rough;
  float ndl = max(dot(n, u_sun_dir), 0.0);
  float sh = ndl > 0.0 ? shadow_factor() : 0.0;
  // specular: Blinn-Phong lobe whose exponent follows the roughness, normalised so a
  // rough surface spreads the same energy wider; Schlick Fresnel with F0 = 0.04
  vec3 hv = normalize(u_sun_dir + view);
  float a2 = max(rough * rough, 0.002);
  float pw = 2.0 / (a2 * a2) - 2.0;
  float f = 0.04 + 0.96 * pow(1.0 - max(dot(hv, view), 0.0), 5.0);
  float spec = (pw + 8.0) / 25.13 * pow(max(dot(n, hv), 0.0), pw) * f * ndl;
  vec3 amb = mix(u_ground_rgb, u_sky_rgb, n.z * 0.5 + 0.5);
  vec3 c = base * (amb + u_sun_rgb * (ndl * sh)) + u_sun_rgb * (min(spec, 8.0) * sh);
#endif
  // fog: thicker near the ground, towards the haze colour
  float dist = length(u_eye - v_world);
  float hfall = exp(-max(v_world.z, 0.0) * 0.012);
  float fog = 1.0 - exp(-dist * 0.0011 * (0.55 + 0.45 * hfall));
  c = mix(c, u_haze_rgb, min(fog, 0.88));
  o_rgba = vec4(to_srgb(c), v_cov);
}
