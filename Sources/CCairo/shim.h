#ifndef CCAIRO_SHIM_H
#define CCAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-pdf.h>
/* zlib (a dependency of libcairo2-dev via libpng-dev) for the fast PNG writer in CairoCanvas.swift. */
#include <zlib.h>
#endif
