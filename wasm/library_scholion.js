// JavaScript pieces of the canvas's platform layer, linked with --js-library so they can
// name the Emscripten runtime's own objects as dependencies.
mergeInto(LibraryManager.library, {
  // html5.h finds event targets by selector or in specialHTMLTargets; the canvas may live
  // in a shadow root where document.querySelector cannot reach, so register it by name.
  scholion_bind_canvas__deps: ['$specialHTMLTargets'],
  scholion_bind_canvas: function (selector) {
    specialHTMLTargets[UTF8ToString(selector)] = Module['scholionCanvas'];
  },

  // The canvas's renderer: ImGui's draw lists (vertices: x, y, u, v as floats and an RGBA
  // colour; 32-bit indices) drawn with WebGL 2 straight from the wasm memory. Textures are
  // RGBA, by id (ImDrawCmd::TextureId): 1 ImGui's own atlas — one white texel, for shapes —
  // and 2 the glyph atlas (wasm/glyph_cache.hpp). 1 on success, 0 without WebGL 2.
  scholion_gl_init: function () {
    var gl = Module['scholionCanvas'].getContext('webgl2', {
      alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
      preserveDrawingBuffer: false,
    });
    if (!gl) return 0;
    var shader = function (type, source) {
      var sh = gl.createShader(type);
      gl.shaderSource(sh, '#version 300 es\nprecision mediump float;\n' + source);
      gl.compileShader(sh);
      return sh;
    };
    var program = gl.createProgram();
    gl.attachShader(program, shader(gl.VERTEX_SHADER,
      'uniform vec2 size; in vec2 p; in vec2 uv; in vec4 c; out vec2 f_uv; out vec4 f_c;' +
      'void main() { f_uv = uv; f_c = c; gl_Position = vec4(p.x * 2.0 / size.x - 1.0, 1.0 - p.y * 2.0 / size.y, 0, 1); }'));
    // Text is white in the glyph atlas and takes the vertex colour; colour glyphs are drawn
    // with a white vertex colour and keep their own.
    gl.attachShader(program, shader(gl.FRAGMENT_SHADER,
      'uniform sampler2D t; in vec2 f_uv; in vec4 f_c; out vec4 o;' +
      'void main() { o = f_c * texture(t, f_uv); }'));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) return 0;
    gl.useProgram(program);
    gl.bindVertexArray(gl.createVertexArray());
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gl.createBuffer());
    [['p', 2, gl.FLOAT, false, 0], ['uv', 2, gl.FLOAT, false, 8], ['c', 4, gl.UNSIGNED_BYTE, true, 16]]
      .forEach(function (a) {
        var at = gl.getAttribLocation(program, a[0]);
        gl.enableVertexAttribArray(at);
        gl.vertexAttribPointer(at, a[1], a[2], a[3], 20, a[4]);
      });
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.enable(gl.BLEND);
    gl.blendEquation(gl.FUNC_ADD);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.enable(gl.SCISSOR_TEST);
    gl.clearColor(1, 1, 1, 1);
    var r = Module['scholionGL'] = { gl: gl, size: gl.getUniformLocation(program, 'size'), textures: [], bound: 0 };
    r.texture = function (id, width, height, pixels) {
      var tex = r.textures[id] = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, tex);
      r.bound = id;
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    };
    r.bind = function (id) {
      if (r.bound !== id) { gl.bindTexture(gl.TEXTURE_2D, r.textures[id] || null); r.bound = id; }
    };
    r.texture(1, 1, 1, new Uint8Array([255, 255, 255, 255]));
    return 1;
  },
  // Creates texture `id`: `size` × `size` RGBA, transparent (the glyph atlas).
  scholion_gl_atlas: function (id, size) {
    Module['scholionGL'].texture(id, size, size, null);
  },
  // Starts a frame of `width` × `height` device pixels on white.
  scholion_gl_begin: function (width, height) {
    var r = Module['scholionGL'], gl = r.gl;
    r.height = height;
    gl.viewport(0, 0, width, height);
    gl.scissor(0, 0, width, height);
    gl.uniform2f(r.size, width, height);
    gl.clear(gl.COLOR_BUFFER_BIT);
  },
  // One draw list's vertices and indices (byte ranges of the wasm memory).
  scholion_gl_buffers: function (vertices, vertexBytes, indices, indexBytes) {
    var gl = Module['scholionGL'].gl;
    gl.bufferData(gl.ARRAY_BUFFER, HEAPU8.subarray(vertices, vertices + vertexBytes), gl.STREAM_DRAW);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, HEAPU8.subarray(indices, indices + indexBytes), gl.STREAM_DRAW);
  },
  // `count` indices from index number `first` with texture `texture`, clipped to the
  // rectangle (x0, y0)–(x1, y1).
  scholion_gl_draw: function (x0, y0, x1, y1, count, first, texture) {
    var r = Module['scholionGL'], gl = r.gl;
    r.bind(texture);
    gl.scissor(x0, r.height - y1, x1 - x0, y1 - y0);
    gl.drawElements(gl.TRIANGLES, count, gl.UNSIGNED_INT, first * 4);
  },

  // [Text] The browser's text engine, through one detached 2D canvas (CPU-backed: its
  // pixels are read back for every run rasterised). Faces are CSS fonts built from the font
  // stack given at mount (Module.scholionFontFamily), in device pixels.
  $scholionText: function () {
    var t = Module['scholionText'];
    if (t) return t;
    var canvas = document.createElement('canvas');
    canvas.width = 256;
    canvas.height = 64;
    t = Module['scholionText'] = {
      canvas: canvas, ctx: null, fonts: [], face: -1, rtl: false, pending: null,
      reset: function () {
        t.ctx = canvas.getContext('2d', { willReadFrequently: true });
        t.ctx.textAlign = 'left';  // the pen at the left end of the advance in both directions
        t.ctx.textBaseline = 'alphabetic';
        t.ctx.direction = 'ltr';
        t.face = -1;
        t.rtl = false;
      },
      use: function (face, rtl) {
        if (t.face !== face) { t.ctx.font = t.fonts[face]; t.face = face; }
        if (t.rtl !== rtl) { t.ctx.direction = rtl ? 'rtl' : 'ltr'; t.rtl = rtl; }
      },
      // UTF-32 from the wasm memory (4-byte aligned) to a string.
      decode: function (ptr, length) {
        var a = HEAPU32.subarray(ptr >> 2, (ptr >> 2) + length), s = '';
        for (var i = 0; i < length; i += 8192) s += String.fromCodePoint.apply(null, a.subarray(i, i + 8192));
        return s;
      },
    };
    t.reset();
    return t;
  },
  // Declares face `face`: bold or regular, `px` device pixels, in the mount's font stack;
  // writes the font's ascent and descent (device pixels) to `box`.
  scholion_text_face__deps: ['$scholionText'],
  scholion_text_face: function (face, bold, px, box) {
    var t = scholionText();
    t.fonts[face] = (bold ? '700 ' : '400 ') + px + 'px ' + (Module['scholionFontFamily'] || 'sans-serif');
    t.face = -1;
    t.use(face, false);
    var m = t.ctx.measureText('Hg');
    HEAPF64[box >> 3] = m.fontBoundingBoxAscent || px * 0.95;
    HEAPF64[(box >> 3) + 1] = m.fontBoundingBoxDescent || px * 0.3;
  },
  // The advance of a run (UTF-32, `length` code points) in `face`.
  scholion_text_measure__deps: ['$scholionText'],
  scholion_text_measure: function (face, run, length) {
    var t = scholionText();
    t.use(face, t.rtl);
    return t.ctx.measureText(t.decode(run, length)).width;
  },
  // Where words begin inside a run (UTF-32, `length` code points) of a script written
  // without spaces (Thai, Lao, Khmer, Myanmar): the browser's own dictionary, through
  // Intl.Segmenter. Code point offsets go to `out` (at most `capacity`); returns how many.
  scholion_text_word_starts__deps: ['$scholionText'],
  scholion_text_word_starts: function (run, length, out, capacity) {
    if (typeof Intl !== 'object' || !Intl.Segmenter) return 0;
    var t = scholionText();
    if (!t.words) t.words = new Intl.Segmenter(undefined, { granularity: 'word' });
    var s = t.decode(run, length), n = 0, cp = 0, unit = 0;
    for (var seg of t.words.segment(s)) {
      for (; unit < seg.index; ++cp) unit += s.codePointAt(unit) > 0xFFFF ? 2 : 1;
      if (cp > 0 && n < capacity) HEAPU32[(out >> 2) + n++] = cp;
    }
    return n;
  },
  // Prepares a run for the glyph atlas: its ink box around the pen (left of it, right of
  // it, above and below the baseline) goes to `box`; scholion_glyph_upload then draws it.
  // A colour run (emoji) is filled with its ink `ink` (ImU32: 0xAABBGGRR), others white.
  scholion_glyph_ink__deps: ['$scholionText'],
  scholion_glyph_ink: function (face, run, length, rtl, colourRun, ink, box) {
    var t = scholionText();
    t.use(face, !!rtl);
    var s = t.decode(run, length), m = t.ctx.measureText(s);
    t.pending = {
      text: s, face: face, rtl: !!rtl,
      fill: colourRun ? 'rgba(' + (ink & 255) + ',' + ((ink >> 8) & 255) + ',' + ((ink >> 16) & 255) + ',' +
                        ((ink >>> 24) / 255) + ')' : '#fff',
    };
    HEAPF64[box >> 3] = m.actualBoundingBoxLeft;
    HEAPF64[(box >> 3) + 1] = m.actualBoundingBoxRight;
    HEAPF64[(box >> 3) + 2] = m.actualBoundingBoxAscent;
    HEAPF64[(box >> 3) + 3] = m.actualBoundingBoxDescent;
  },
  // Rasterises the prepared run with its pen at (ox, oy) of a `width` × `height` box and
  // puts the box into the glyph atlas at (x, y).
  scholion_glyph_upload__deps: ['$scholionText'],
  scholion_glyph_upload: function (x, y, width, height, ox, oy) {
    var t = scholionText(), p = t.pending, c = t.canvas;
    if (c.width < width || c.height < height) {
      c.width = Math.max(c.width, width);
      c.height = Math.max(c.height, height);
      t.reset();  // resizing a canvas resets its context's state
    }
    t.use(p.face, p.rtl);
    var ctx = t.ctx;
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = p.fill;
    ctx.fillText(p.text, ox, oy);
    var pixels = ctx.getImageData(0, 0, width, height).data;
    var r = Module['scholionGL'], gl = r.gl;
    r.bind(2);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, x, y, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  },

  // The canvas's position in the viewport, read per event: the host page may scroll.
  scholion_canvas_origin: function (x, y) {
    var r = Module['scholionCanvas'].getBoundingClientRect();
    HEAPF64[x >> 3] = r.left;
    HEAPF64[y >> 3] = r.top;
  },
});

mergeInto(LibraryManager.library, {
  // Tells the page's script that the reader changed an annotation: kind 0 added,
  // 1 updated, 2 removed (ChangeKind), by origin 0 an edit, 1 undo, 2 redo (ChangeOrigin),
  // with the annotation as stored JSON. The page saves (debounced) and tells the publisher.
  scholion_js_annotations_changed: function (kind, origin, json) {
    if (Module['onAnnotationsChanged']) Module['onAnnotationsChanged'](kind, origin, UTF8ToString(json));
  },
  // The reader asked to write or edit a note on the selection ("Note" in the toolbar);
  // the page opens its editor over the canvas.
  scholion_js_note_requested: function () {
    if (Module['onNoteRequested']) Module['onNoteRequested']();
  },
  // The reader pressed "Export" in the canvas's notice bar.
  scholion_js_export_requested: function () {
    if (Module['onExportRequested']) Module['onExportRequested']();
  },
});

mergeInto(LibraryManager.library, {
  // Puts text on the system clipboard (called from a user gesture's handler or frame).
  scholion_js_copy: function (text) {
    var s = UTF8ToString(text);
    if (Module['onCopy']) Module['onCopy'](s);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(s).catch(function () {});
    }
  },
});

mergeInto(LibraryManager.library, {
  // The selection (code points) or the selected annotation changed; id "" for none.
  scholion_js_selection_changed: function (anchor, head, id) {
    if (Module['onSelectionChanged']) Module['onSelectionChanged'](anchor >>> 0, head >>> 0, UTF8ToString(id));
  },
  // A command the reader gave could not be carried out; the page announces why.
  scholion_js_refused: function (reason) {
    if (Module['onRefused']) Module['onRefused'](UTF8ToString(reason));
  },
});
