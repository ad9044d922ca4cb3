// The only C that TeamGraph writes against Graphviz: every call whose signature differs between
// Graphviz 2.42 (Debian 12) and 13 lives here, and string parameters are `const char *` so that
// Swift passes temporary C strings without dangling-pointer warnings (cgraph copies every string).
#ifndef TEAMGRAPH_CGRAPHVIZ_SHIM_H
#define TEAMGRAPH_CGRAPHVIZ_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <dlfcn.h>
#include <errno.h>
#include <sys/types.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_device.h>
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <fontconfig/fontconfig.h>

/// Object kinds for attribute declarations.
static const int tg_kind_graph = AGRAPH;
static const int tg_kind_node = AGNODE;
static const int tg_kind_edge = AGEDGE;

/// A new, empty Graphviz context with the installed plugins (keep one per process).
static inline GVC_t *tg_context(void) { return gvContext(); }

/// A context with only the core renderers (SVG, DOT) and the neato layouts (`nop2`), and no text
/// layout plugin: labels are sized by Graphviz's built-in estimate instead of pango. For charts
/// whose boxes are already sized (`fixedsize`) and whose text the SVG viewer lays out, this skips
/// a pango layout per label line. NULL when the plugins cannot be loaded (the caller falls back).
static inline GVC_t *tg_context_without_text_layout(void) {
    static lt_symlist_t symbols[3];
    const char *directories[] = {"/usr/lib/x86_64-linux-gnu/graphviz/", "/usr/lib/aarch64-linux-gnu/graphviz/",
                                 "/usr/lib/graphviz/", "/usr/local/lib/graphviz/", NULL};
    const char *names[2][2] = {{"libgvplugin_core.so.6", "gvplugin_core_LTX_library"},
                               {"libgvplugin_neato_layout.so.6", "gvplugin_neato_layout_LTX_library"}};
    for (int k = 0; k < 2; k++) {
        void *address = NULL;
        for (int d = 0; directories[d] != NULL && address == NULL; d++) {
            char path[512];
            snprintf(path, sizeof path, "%s%s", directories[d], names[k][0]);
            void *library = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
            if (library != NULL) address = dlsym(library, names[k][1]);
        }
        if (address == NULL) return NULL;
        symbols[k].name = names[k][1];
        symbols[k].address = address;
    }
    symbols[2].name = NULL;
    symbols[2].address = NULL;
    return gvContextPlugins(symbols, 0);
}

/// A new directed, non-strict root graph (`Agdirected` is a C mutable global Swift 6 refuses).
static inline Agraph_t *tg_open_graph(const char *name) {
    return agopen((char *)name, Agdirected, NULL);
}

/// Finds or creates the node called `name` in `g`.
static inline Agnode_t *tg_node(Agraph_t *g, const char *name) { return agnode(g, (char *)name, 1); }

/// Finds or creates the subgraph called `name` (a cluster when it starts with `cluster`).
static inline Agraph_t *tg_subgraph(Agraph_t *g, const char *name) { return agsubg(g, (char *)name, 1); }

/// Puts an existing node of the root graph into subgraph `sub`.
static inline Agnode_t *tg_subnode(Agraph_t *sub, Agnode_t *n) { return agsubnode(sub, n, 1); }

/// Adds an edge from `tail` to `head` (a parallel edge each call: the graph is not strict).
static inline Agedge_t *tg_edge(Agraph_t *g, Agnode_t *tail, Agnode_t *head) {
    return agedge(g, tail, head, NULL, 1);
}

/// Declares an attribute of a kind (`tg_kind_*`) with its default value.
static inline Agsym_t *tg_declare(Agraph_t *g, int kind, const char *name, const char *value) {
    return agattr(g, kind, (char *)name, (char *)value);
}

/// Sets an attribute of a graph, node or edge, declaring it with an empty default if needed.
static inline int tg_set(void *object, const char *name, const char *value) {
    return agsafeset(object, (char *)name, (char *)value, (char *)"");
}

/// The attribute `name` of a kind, declared with an empty default when new (an existing
/// declaration keeps its default).
static inline Agsym_t *tg_symbol(Agraph_t *g, int kind, const char *name) {
    Agsym_t *symbol = agattr(g, kind, (char *)name, NULL);
    return symbol ? symbol : agattr(g, kind, (char *)name, (char *)"");
}

/// Sets an attribute through its symbol (no lookup by name).
static inline int tg_set_symbol(void *object, Agsym_t *symbol, const char *value) {
    return agxset(object, symbol, (char *)value);
}

/// Lays the graph out with an engine (`dot`, `twopi`, ...); 0 on success.
static inline int tg_layout(GVC_t *gvc, Agraph_t *g, const char *engine) { return gvLayout(gvc, g, engine); }

/// Renders a laid-out graph to memory; free `*data` with `tg_free_render_data`.
static inline int tg_render(GVC_t *gvc, Agraph_t *g, const char *format, char **data, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
    return gvRenderData(gvc, g, format, data, length);
#else
    unsigned int short_length = 0;
    int result = gvRenderData(gvc, g, format, data, &short_length);
    *length = short_length;
    return result;
#endif
}

/// Where `tg_render_fd` writes: a descriptor, and the first write error seen (0 for none).
typedef struct {
    int fd;
    int error;
} tg_sink;

/// The write function of the stream `tg_render_fd` hands Graphviz. It always reports every byte
/// written: Graphviz 2.42 calls `exit(1)` when a write comes up short (`gvwrite`), so a full disk
/// would end the process with no message. The first error is kept instead and later bytes are
/// dropped; `tg_render_fd` reports it.
static inline ssize_t tg_sink_write(void *cookie, const char *bytes, size_t size) {
    tg_sink *sink = (tg_sink *)cookie;
    size_t done = 0;
    while (sink->error == 0 && done < size) {
        ssize_t written = write(sink->fd, bytes + done, size - done);
        if (written < 0) {
            if (errno != EINTR) sink->error = errno;
        } else {
            done += (size_t)written;
        }
    }
    return (ssize_t)size;
}

/// glibc's `cookie_io_functions_t`, declared here because Swift's Glibc module hides GNU extensions.
typedef struct {
    ssize_t (*read)(void *, char *, size_t);
    ssize_t (*write)(void *, const char *, size_t);
    int (*seek)(void *, long long *, int);
    int (*close)(void *);
} tg_cookie_functions;

/// Renders a laid-out graph straight into an open file descriptor (which stays open); 0 on
/// success. `*write_error` gets the `errno` of a failed write (0 when writing went well), in
/// which case the result is -1 and the process has not been ended by Graphviz. Where glibc's
/// `fopencookie` is missing, a plain `fdopen` stream is used (Graphviz then exits on a failed write).
static inline int tg_render_fd(GVC_t *gvc, Agraph_t *g, const char *format, int fd, int *write_error) {
    typedef FILE *(*opener)(void *, const char *, tg_cookie_functions);
    static opener open_cookie = NULL;
    static int looked_up = 0;
    if (!looked_up) {
        open_cookie = (opener)dlsym(NULL /* RTLD_DEFAULT */, "fopencookie");
        looked_up = 1;
    }
    *write_error = 0;
    tg_sink sink = {fd, 0};
    FILE *stream = NULL;
    int copy = -1;
    if (open_cookie != NULL) {
        tg_cookie_functions functions = {NULL, tg_sink_write, NULL, NULL};
        stream = open_cookie(&sink, "w", functions);
    } else {
        copy = dup(fd);
        if (copy >= 0) stream = fdopen(copy, "w");
    }
    if (stream == NULL) {
        *write_error = errno;
        if (copy >= 0) close(copy);
        return -1;
    }
    int result = gvRender(gvc, g, format, stream);
    if (fclose(stream) != 0 && copy >= 0) {
        *write_error = errno;
        result = -1;
    }
    if (sink.error != 0) {
        *write_error = sink.error;
        result = -1;
    }
    return result;
}

/// Frees what `tg_render` returned (Graphviz's allocator, not `free`).
static inline void tg_free_render_data(char *data) { gvFreeRenderData(data); }

/// Frees the layout data attached to a graph by `tg_layout`.
static inline int tg_free_layout(GVC_t *gvc, Agraph_t *g) { return gvFreeLayout(gvc, g); }

/// Frees a root graph and everything in it.
static inline int tg_close(Agraph_t *g) { return agclose(g); }

/// Routes cgraph's error and warning messages to `callback` and reports warnings too.
static inline void tg_capture_errors(agusererrf callback) {
    agseterr(AGWARN);
    agseterrf(callback);
}

/// Forgets earlier errors: `agerrors()` is sticky for the whole process otherwise.
static inline void tg_reset_errors(void) { agreseterrors(); }

/// The highest error level seen since the last reset (non-zero means an error).
static inline int tg_error_count(void) { return agerrors(); }

/// Graphviz's own text measurement (its text layout plugin, pango here). Not in the public
/// headers of 2.42 but exported by libgvc, with the same signature up to 13.
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);

/// The width of `text` in points as Graphviz measures it for labels; `*height` gets the line height.
static inline double tg_text_width(GVC_t *gvc, const char *text, const char *fontname, double fontsize,
                                   double *height) {
    textfont_t font = {0};
    font.name = (char *)fontname;
    font.size = fontsize;
    textspan_t span = {0};
    span.str = (char *)text;
    span.font = &font;
    span.just = 'n';
    pointf size = textspan_size(gvc, &span);
    if (span.layout && span.free_layout) span.free_layout(span.layout);
    *height = size.y;
    return size.x;
}

/// Adds TeamGraph's `tgcanvas` output device to a context: Graphviz's cairo renderer drawing into
/// a cairo context the caller made (`tg_render_canvas`), so that one layout can be drawn onto many
/// pages or bitmap tiles, each translated, scaled and clipped by the caller. The device has no
/// functions of its own (the cairo renderer then treats the context as a plain canvas and neither
/// writes nor finishes it), no margin, and 72 units an inch, so the drawing is the laid-out graph
/// in points with its top left corner at the context's origin.
static inline void tg_add_canvas_device(GVC_t *gvc) {
    static gvdevice_engine_t engine = {NULL, NULL, NULL};
    static gvdevice_features_t features = {GVDEVICE_DOES_TRUECOLOR, {0., 0.}, {0., 0.}, {72., 72.}};
    static gvplugin_installed_t devices[] = {{0, "tgcanvas:cairo", 0, &engine, &features}, {0, NULL, 0, NULL, NULL}};
    static gvplugin_api_t apis[] = {{API_device, devices}, {(api_t)0, NULL}};
    static gvplugin_library_t library = {"teamgraph", apis};
    gvAddLibrary(gvc, &library);
}

/// Draws a laid-out graph into a cairo context (see `tg_add_canvas_device`); 0 on success.
static inline int tg_render_canvas(GVC_t *gvc, Agraph_t *g, cairo_t *cr) {
    return gvRenderContext(gvc, g, "tgcanvas", cr);
}

/// The size in points of a laid-out graph's bounding box (without the `pad` around it).
static inline void tg_bounding_size(Agraph_t *g, double *width, double *height) {
    boxf box = GD_bb(g);
    *width = box.UR.x - box.LL.x;
    *height = box.UR.y - box.LL.y;
}

/// The family fontconfig picks for a font list such as `WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif`
/// (the first installed one, or its fallback), as pango and cairo will draw it; copied into `out`
/// (NUL-terminated, at most `size` bytes). 0 on success, -1 when fontconfig has no answer.
static inline int tg_font_family(const char *list, char *out, int size) {
    if (size <= 0) return -1;
    FcPattern *pattern = FcNameParse((const FcChar8 *)list);
    if (pattern == NULL) return -1;
    FcConfigSubstitute(NULL, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern *match = FcFontMatch(NULL, pattern, &result);
    FcPatternDestroy(pattern);
    if (match == NULL) return -1;
    FcChar8 *family = NULL;
    int found = -1;
    if (FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch && family != NULL) {
        snprintf(out, (size_t)size, "%s", (const char *)family);
        found = 0;
    }
    FcPatternDestroy(match);
    return found;
}

/// The Graphviz version string, e.g. "2.43.0".
static inline const char *tg_graphviz_version(void) { return PACKAGE_VERSION; }

#endif
